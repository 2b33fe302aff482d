package io.github.bisearch.cli;

import io.github.bisearch.Hit;
import io.github.bisearch.SearchResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code --format tsv}: a header line of field names, then one line per hit. */
final class TsvOutput {
  private TsvOutput() {}

  static void print(SearchResult result, List<HitField> fields, PrintWriter out) {
    List<String> header = new ArrayList<>();
    for (HitField field : fields) {
      header.add(field.fieldName());
    }
    out.println(String.join("\t", header));
    int rank = 1;
    for (Hit hit : result.hits()) {
      List<String> cells = new ArrayList<>(fields.size());
      for (HitField field : fields) {
        cells.add(field.tsv(hit, rank));
      }
      out.println(String.join("\t", cells));
      rank++;
    }
  }
}
