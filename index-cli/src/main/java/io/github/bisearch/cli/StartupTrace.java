package io.github.bisearch.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Milliseconds since {@code main} began at each phase of a run, on stderr, when the system property
 * {@code bisearch.trace} is set ({@code BISEARCH_JAVA_OPTS=-Dbisearch.trace ./search-cli ...}): a
 * way to see where start-up time goes without a profiler.
 */
final class StartupTrace {
  private static final boolean ON = System.getProperty("bisearch.trace") != null;
  private static final long START = System.nanoTime();

  private StartupTrace() {}

  /** Notes that {@code phase} is done. */
  static void mark(String phase) {
    if (ON) {
      long micros = (System.nanoTime() - START) / 1000;
      new PrintStream(System.err, true, StandardCharsets.UTF_8)
          .printf(Locale.ROOT, "search-cli: trace: %8.1f ms %s%n", micros / 1000.0, phase);
    }
  }
}
