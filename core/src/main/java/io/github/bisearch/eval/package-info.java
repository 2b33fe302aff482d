/**
 * Relevance evaluation: judged queries ({@link io.github.bisearch.eval.Qrels}), the standard
 * metrics (MRR@10, nDCG@10, Recall@10), and single-field Lucene baselines to compare against.
 */
package io.github.bisearch.eval;
