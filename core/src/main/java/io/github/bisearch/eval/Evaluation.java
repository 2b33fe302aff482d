package io.github.bisearch.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every judged query through a {@link Ranker} and averages MRR@10, nDCG@10 and Recall@10.
 *
 * <p>A judgment that names a file is satisfied by the first result from that file; later results
 * from it gain nothing, so an engine cannot score twice with one relevant item.
 */
public final class Evaluation {
  /** The cut-off of every metric. */
  public static final int DEPTH = 10;

  private Evaluation() {}

  /** Evaluates {@code ranker} on {@code qrels}. */
  public static Scores run(Qrels qrels, Ranker ranker) {
    double mrr = 0;
    double ndcg = 0;
    double recall = 0;
    for (Map.Entry<String, Map<String, Integer>> query : qrels.judgments().entrySet()) {
      List<RankedResult> results = ranker.rank(query.getKey(), DEPTH);
      Map<String, Integer> relevant = query.getValue();
      Set<String> found = new HashSet<>();
      double dcg = 0;
      double reciprocal = 0;
      for (int i = 0; i < Math.min(DEPTH, results.size()); i++) {
        String judged = firstUnfound(results.get(i), relevant, found);
        if (judged == null) {
          continue;
        }
        found.add(judged);
        if (reciprocal == 0) {
          reciprocal = 1.0 / (i + 1);
        }
        dcg += gain(relevant.get(judged)) / log2(i + 2);
      }
      mrr += reciprocal;
      ndcg += dcg / idealDcg(relevant);
      recall += (double) found.size() / relevant.size();
    }
    int n = Math.max(qrels.size(), 1);
    return new Scores(qrels.size(), mrr / n, ndcg / n, recall / n);
  }

  private static String firstUnfound(
      RankedResult result, Map<String, Integer> relevant, Set<String> found) {
    for (String judged : relevant.keySet()) {
      if (!found.contains(judged) && result.matches(judged)) {
        return judged;
      }
    }
    return null;
  }

  private static double idealDcg(Map<String, Integer> relevant) {
    List<Integer> grades = new ArrayList<>(relevant.values());
    grades.sort((a, b) -> Integer.compare(b, a));
    double ideal = 0;
    for (int i = 0; i < Math.min(DEPTH, grades.size()); i++) {
      ideal += gain(grades.get(i)) / log2(i + 2);
    }
    return ideal;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
