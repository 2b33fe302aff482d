package io.github.bisearch;

import java.util.List;

/**
 * The answer to one search.
 *
 * @param query the query as given
 * @param total how many entries matched in all
 * @param hits the best of them, best first
 */
public record SearchResult(String query, long total, List<Hit> hits) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
