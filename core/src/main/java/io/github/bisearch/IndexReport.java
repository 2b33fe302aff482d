package io.github.bisearch;

import java.util.List;

/**
 * What one call that added files did.
 *
 * @param files files read and indexed
 * @param entries entries indexed from them
 * @param removedFiles files indexed before from a folder that no longer hold them; their entries
 *     were removed
 * @param problems one line per file that was skipped or read with replacements, as {@code path:
 *     reason}
 */
public record IndexReport(int files, int entries, int removedFiles, List<String> problems) {
  public IndexReport {
    problems = List.copyOf(problems);
  }
}
