package io.github.bisearch.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A one-paragraph description of the machine the report is written on. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
    String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    String memoryText = "unknown memory";
    if (memory != null && memory.endsWith(" kB")) {
      long kb = Long.parseLong(memory.substring(0, memory.length() - 3).trim());
      memoryText = String.format(Locale.ROOT, "%.1f GB memory", kb / 1024.0 / 1024.0);
    }
    return String.format(
        Locale.ROOT,
        "Machine: %d cores (%s), %s, %s %s; load average when the report was written: %s.%n",
        Runtime.getRuntime().availableProcessors(),
        cpu == null ? "CPU model unknown" : cpu,
        memoryText,
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        loadAverage());
  }

  private static String loadAverage() {
    try {
      String[] fields =
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim().split(" ");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The value of the first {@code key: value} line of {@code file}, or null. */
  private static String firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
          return line.substring(colon + 1).trim();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
