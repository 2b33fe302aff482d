package io.github.bisearch;

import java.util.List;

/**
 * What one call that added files did.
 *
 * @param files files read and indexed
 * @param entries entries indexed from them
 * @param problems one line per file that was skipped or read with replacements, as {@code path:
 *     reason}
 */
public record IndexReport(int files, int entries, List<String> problems) {
  public IndexReport {
    problems = List.copyOf(problems);
  }
}
