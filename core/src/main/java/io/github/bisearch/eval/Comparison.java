package io.github.bisearch.eval;

import io.github.bisearch.BiSearch;
import io.github.bisearch.ingest.Entry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bisearch with and without translation, and optionally the two single-field baselines built over
 * the same entries in the same run, evaluated on one query set.
 */
public final class Comparison {
  /** One engine's scores. */
  public record Row(String engine, Scores scores) {}

  private Comparison() {}

  /**
   * Evaluates {@code translated} and {@code literal} (the same index, with and without translation)
   * and, if asked, the baselines over the entries of that index.
   */
  public static List<Row> run(
      Qrels qrels, BiSearch translated, BiSearch literal, boolean baselines) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("bisearch", Evaluation.run(qrels, translated.ranker())));
    rows.add(new Row("bisearch --no-translate", Evaluation.run(qrels, literal.ranker())));
    if (baselines) {
      List<Entry> entries = translated.entries();
      try (BaselineEngine smartcn = BaselineEngine.smartChinese(entries);
          BaselineEngine standard = BaselineEngine.standard(entries)) {
        rows.add(new Row("baseline: " + smartcn.name(), Evaluation.run(qrels, smartcn)));
        rows.add(new Row("baseline: " + standard.name(), Evaluation.run(qrels, standard)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  /**
   * One sentence comparing bisearch's MRR@10 and nDCG@10 with the best baseline's, or an empty
   * string when there are no baselines.
   */
  public static String summary(List<Row> rows) {
    double mrr = 0;
    double ndcg = 0;
    for (Row row : rows.subList(Math.min(2, rows.size()), rows.size())) {
      mrr = Math.max(mrr, row.scores().mrr());
      ndcg = Math.max(ndcg, row.scores().ndcg());
    }
    if (rows.size() <= 2 || mrr == 0 || ndcg == 0) {
      return "";
    }
    Scores ours = rows.get(0).scores();
    return String.format(
        Locale.ROOT,
        "bisearch: MRR@10 %.3f = %.2f× the best baseline's (%.3f); nDCG@10 %.3f = %.2f× (%.3f).%n",
        ours.mrr(),
        ours.mrr() / mrr,
        mrr,
        ours.ndcg(),
        ours.ndcg() / ndcg,
        ndcg);
  }

  /** The rows as a markdown table. */
  public static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| engine | queries | MRR@10 | nDCG@10 | Recall@10 |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      Scores s = row.scores();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f | %.3f | %.3f |%n",
              row.engine(),
              s.queries(),
              s.mrr(),
              s.ndcg(),
              s.recall()));
    }
    return out.toString();
  }
}
