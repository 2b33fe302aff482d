package io.github.bisearch.cli;

import io.github.bisearch.IndexProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr while indexing (files, entries, entries per second), shown only when
 * stderr is a terminal: the progressbar library redraws even into a pipe or a file, so the decision
 * is made here.
 */
final class IndexProgressBar implements IndexProgress, AutoCloseable {
  private final long start = System.nanoTime();
  private ProgressBar bar;

  /** Whether standard error is a terminal (read from /proc on Linux; elsewhere assumed not). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public void fileDone(int done, int total, long entries) {
    if (bar == null) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("Indexing")
              .setInitialMax(total)
              .setUnit(" files", 1)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(200)
              .continuousUpdate()
              .build();
    }
    double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
    bar.maxHint(total);
    bar.stepTo(done);
    bar.setExtraMessage(
        String.format(Locale.ROOT, "%d entries, %.0f entries/s", entries, entries / seconds));
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
