package io.github.bisearch.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * When each phase of a run ended, on stderr, when the system property {@code bisearch.trace} is set
 * ({@code BISEARCH_JAVA_OPTS=-Dbisearch.trace ./search-cli ...}): milliseconds since {@code main}
 * began, and of CPU time the main thread used so far (which a busy machine distorts less). A way to
 * see where start-up time goes without a profiler.
 */
final class StartupTrace {
  private static final boolean ON = System.getProperty("bisearch.trace") != null;
  private static final long START = System.nanoTime();

  private StartupTrace() {}

  /** Notes that {@code phase} is done. */
  static void mark(String phase) {
    if (ON) {
      long micros = (System.nanoTime() - START) / 1000;
      long cpuMicros = Cpu.THREADS.getCurrentThreadCpuTime() / 1000;
      new PrintStream(System.err, true, StandardCharsets.UTF_8)
          .printf(
              Locale.ROOT,
              "search-cli: trace: %8.1f ms %8.1f ms cpu %s%n",
              micros / 1000.0,
              cpuMicros / 1000.0,
              phase);
    }
  }

  /** Loaded only when tracing: the management classes are not free. */
  private static final class Cpu {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  }
}
