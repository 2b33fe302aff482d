package io.github.bisearch.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.bisearch.Hit;
import io.github.bisearch.SearchResult;
import io.github.bisearch.query.QueryConcept;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code --json}: one JSON object per search. Snippets mark matches with {@code <em>…</em>}; no
 * other HTML escaping is applied, so text is exactly as indexed.
 */
final class JsonOutput {
  static final String OPEN = "<em>";
  static final String CLOSE = "</em>";

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private JsonOutput() {}

  static void print(SearchResult result, PrintWriter out) {
    out.println(GSON.toJson(toJson(result)));
  }

  /** Like {@link #print}, with the query's concepts and translations under {@code concepts}. */
  static void printExplained(SearchResult result, List<QueryConcept> concepts, PrintWriter out) {
    JsonObject root = toJson(result);
    JsonArray list = new JsonArray();
    for (QueryConcept concept : concepts) {
      JsonObject c = new JsonObject();
      c.addProperty("text", concept.original());
      JsonArray translations = new JsonArray();
      concept.translations().forEach(translations::add);
      c.add("translations", translations);
      c.addProperty("occur", concept.occur().name().toLowerCase(Locale.ROOT));
      c.addProperty("phrase", concept.phrase());
      list.add(c);
    }
    root.add("concepts", list);
    out.println(GSON.toJson(root));
  }

  static JsonObject toJson(SearchResult result) {
    return toJson(result, List.of(HitField.values()));
  }

  /** The result as one JSON object whose hits hold only {@code fields}. */
  static JsonObject toJson(SearchResult result, List<HitField> fields) {
    JsonObject root = new JsonObject();
    root.addProperty("query", result.query());
    root.addProperty("total", result.total());
    // Past a thousand matches the total may be a lower bound (see SearchResult).
    root.addProperty("totalExact", result.totalExact());
    JsonArray hits = new JsonArray();
    int rank = 1;
    for (Hit hit : result.hits()) {
      hits.add(hitJson(hit, rank++, fields));
    }
    root.add("hits", hits);
    return root;
  }

  static JsonObject hitJson(Hit hit, int rank, List<HitField> fields) {
    JsonObject h = new JsonObject();
    for (HitField field : fields) {
      h.add(field.fieldName(), field.json(hit, rank));
    }
    return h;
  }

  /** {@code --format json}: one object for the whole result. */
  static void print(SearchResult result, List<HitField> fields, PrintWriter out) {
    out.println(GSON.toJson(toJson(result, fields)));
  }

  /** {@code --format jsonl}: one object per hit, each on its own line, with the query. */
  static void printLines(SearchResult result, List<HitField> fields, PrintWriter out) {
    int rank = 1;
    for (Hit hit : result.hits()) {
      JsonObject line = new JsonObject();
      line.addProperty("query", result.query());
      hitJson(hit, rank++, fields).entrySet().forEach(e -> line.add(e.getKey(), e.getValue()));
      out.println(GSON.toJson(line));
    }
  }
}
