package io.github.bisearch.eval;

import java.util.List;

/** A search engine under evaluation: a query in, the top results out, best first. */
@FunctionalInterface
public interface Ranker {
  /** The top {@code k} results for {@code query}; an empty list when nothing matches. */
  List<RankedResult> rank(String query, int k);
}
