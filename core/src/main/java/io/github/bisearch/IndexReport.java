package io.github.bisearch;

import java.util.List;

/**
 * What one call that added files did: which files it found new, changed, unchanged or gone, and
 * what it indexed from the files it read.
 *
 * @param added files indexed for the first time
 * @param updated files indexed before whose size or last-modified time changed since; they were
 *     read again and their entries replaced
 * @param unchanged files indexed before with the same size and last-modified time; not read again
 * @param removed files indexed before from a given folder that no longer holds them; their entries
 *     were removed
 * @param entries entries indexed from the added and updated files
 * @param problems one line per file that was skipped or read with replacements, as {@code path:
 *     reason}; a skipped file counts in none of the other numbers
 * @param skipped files that could not be indexed (binary, unreadable), each also in {@code
 *     problems}
 */
public record IndexReport(
    int added,
    int updated,
    int unchanged,
    int removed,
    int entries,
    List<String> problems,
    int skipped) {
  public IndexReport {
    problems = List.copyOf(problems);
  }

  /** A report in which no file was skipped. */
  public IndexReport(
      int added, int updated, int unchanged, int removed, int entries, List<String> problems) {
    this(added, updated, unchanged, removed, entries, problems, 0);
  }

  /** The files read and indexed: {@link #added()} plus {@link #updated()}. */
  public int files() {
    return added + updated;
  }
}
