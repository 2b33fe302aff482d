package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * search-cli running in a JVM of its own, started with this test JVM's classpath; its standard
 * output and error go to files next to each other. Closing it kills it if it still runs.
 */
final class CliProcess implements AutoCloseable {
  /** No run in these tests takes nearly this long; a hung child fails the test instead. */
  static final long TIMEOUT_SECONDS = 60;

  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;

  private CliProcess(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code search-cli ARGS...} in {@code workingDirectory}, writing its output to {@code
   * NAME.out} and {@code NAME.err} there.
   */
  static CliProcess start(Path workingDirectory, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    // Surefire may run tests from a manifest-only jar; -cp honours its Class-Path just as well.
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SearchCli.class.getName());
    command.addAll(List.of(args));
    Path out = workingDirectory.resolve(name + ".out");
    Path err = workingDirectory.resolve(name + ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    process.getOutputStream().close(); // nothing on stdin
    return new CliProcess(name, process, out, err);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself and returns its exit code. */
  int waitFor() throws InterruptedException, IOException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      fail(name + " still running after " + TIMEOUT_SECONDS + " s; stderr: " + err());
    }
    return process.exitValue();
  }

  /** Kills the process at once (SIGKILL on Unix) and returns its exit code. */
  int kill() throws InterruptedException, IOException {
    process.destroyForcibly();
    return waitFor();
  }

  /** Everything the process wrote to standard output, with Unix line ends. */
  String out() throws IOException {
    return read(out);
  }

  /** Everything the process wrote to standard error, with Unix line ends. */
  String err() throws IOException {
    return read(err);
  }

  List<String> errLines() throws IOException {
    return err().lines().toList();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Options every child JVM gets: on Java 22 and later, native access for Lucene's memory-mapped
   * index files (what the search-cli jar's manifest grants), so that the JVM prints no warning.
   */
  static List<String> jvmOptions() {
    return Runtime.version().feature() >= 22
        ? List.of("--enable-native-access=ALL-UNNAMED")
        : List.of();
  }
}
