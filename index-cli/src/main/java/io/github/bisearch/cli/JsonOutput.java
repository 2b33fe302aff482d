package io.github.bisearch.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.bisearch.Hit;
import io.github.bisearch.Match;
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
    JsonObject root = new JsonObject();
    root.addProperty("query", result.query());
    root.addProperty("total", result.total());
    JsonArray hits = new JsonArray();
    int rank = 1;
    for (Hit hit : result.hits()) {
      JsonObject h = new JsonObject();
      h.addProperty("rank", rank++);
      h.addProperty("score", hit.score());
      h.addProperty("id", hit.id());
      h.addProperty("title", hit.title());
      h.addProperty("url", hit.url());
      h.addProperty("section", hit.section());
      h.addProperty("text", hit.text());
      h.addProperty("snippet", hit.snippet().marked(OPEN, CLOSE));
      h.addProperty("source", hit.source());
      h.addProperty("line", hit.line());
      h.addProperty("lang", hit.language().code());
      h.addProperty("date", hit.date());
      JsonArray matched = new JsonArray();
      for (Match match : hit.matched()) {
        JsonObject m = new JsonObject();
        m.addProperty("concept", match.concept());
        m.addProperty("term", match.term());
        m.addProperty("via", match.via());
        matched.add(m);
      }
      h.add("matched", matched);
      hits.add(h);
    }
    root.add("hits", hits);
    return root;
  }
}
