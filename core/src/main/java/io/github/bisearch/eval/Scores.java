package io.github.bisearch.eval;

/**
 * Mean metrics over a query set, each at a cut-off of 10.
 *
 * @param queries number of queries
 * @param mrr mean reciprocal rank of the first relevant result
 * @param ndcg mean normalized discounted cumulative gain (graded)
 * @param recall mean share of the relevant results found
 */
public record Scores(int queries, double mrr, double ndcg, double recall) {}
