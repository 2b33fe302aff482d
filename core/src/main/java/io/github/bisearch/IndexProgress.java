package io.github.bisearch;

/** Hears how far {@link BiSearch#add(IndexProgress, java.nio.file.Path...)} has come. */
@FunctionalInterface
public interface IndexProgress {
  /** Hears nothing. */
  IndexProgress NONE = (done, total, entries) -> {};

  /**
   * Called after each file is handled: indexed, found unchanged, or skipped.
   *
   * @param done files handled so far
   * @param total files to handle in all
   * @param entries entries indexed so far
   */
  void fileDone(int done, int total, long entries);
}
