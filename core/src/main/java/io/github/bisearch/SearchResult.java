package io.github.bisearch;

import java.util.List;

/**
 * The answer to one search.
 *
 * @param query the query as given
 * @param total how many entries matched in all, or at least how many when {@code totalExact} is
 *     false: matches are counted exactly up to a thousand, past which entries that cannot reach the
 *     top may be skipped uncounted
 * @param totalExact whether {@code total} is exact
 * @param hits the best of them, best first
 */
public record SearchResult(String query, long total, boolean totalExact, List<Hit> hits) {
  public SearchResult {
    hits = List.copyOf(hits);
  }

  /** A result whose total is exact. */
  public SearchResult(String query, long total, List<Hit> hits) {
    this(query, total, true, hits);
  }
}
