package io.github.bisearch.cli;

import io.github.bisearch.Hit;
import io.github.bisearch.Match;
import io.github.bisearch.SearchResult;
import io.github.bisearch.query.QueryConcept;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The default, human-readable output: one block per hit. */
final class TextOutput {
  /** How matches and titles are shown. */
  enum Style {
    /** ANSI colour and bold, for a terminal. */
    ANSI("\u001b[1;33m", "\u001b[0m", "\u001b[1m", "\u001b[0m", "\u001b[2m", "\u001b[0m"),
    /** No escape codes: matches between {@code **}, as markdown bold. */
    PLAIN("**", "**", "", "", "", "");

    final String matchOpen;
    final String matchClose;
    final String titleOpen;
    final String titleClose;
    final String dimOpen;
    final String dimClose;

    Style(String mo, String mc, String to, String tc, String dOpen, String dClose) {
      this.matchOpen = mo;
      this.matchClose = mc;
      this.titleOpen = to;
      this.titleClose = tc;
      this.dimOpen = dOpen;
      this.dimClose = dClose;
    }

    /** ANSI when standard output is a terminal and {@code NO_COLOR} is not set. */
    static Style detect() {
      String noColor = System.getenv("NO_COLOR");
      boolean terminal = System.console() != null;
      return terminal && (noColor == null || noColor.isEmpty()) ? ANSI : PLAIN;
    }
  }

  private TextOutput() {}

  static void print(SearchResult result, PrintWriter out, Style style) {
    print(result, out, style, false);
  }

  /** Prints the concepts of the query and how they are translated, as {@code --explain} does. */
  static void printConcepts(List<QueryConcept> concepts, PrintWriter out) {
    out.println("Query concepts:");
    for (QueryConcept concept : concepts) {
      StringBuilder line = new StringBuilder("  ");
      switch (concept.occur()) {
        case MUST -> line.append('+');
        case MUST_NOT -> line.append('-');
        case SHOULD -> {}
      }
      line.append(concept.phrase() ? "\"" + concept.original() + "\"" : concept.original());
      if (!concept.translations().isEmpty()) {
        line.append(" → ").append(String.join(" | ", concept.translations()));
      }
      out.println(line);
    }
    out.println();
  }

  static void print(SearchResult result, PrintWriter out, Style style, boolean explain) {
    if (result.total() == 0) {
      out.println("No results for: " + result.query());
      return;
    }
    int rank = 1;
    for (Hit hit : result.hits()) {
      StringBuilder head = new StringBuilder();
      head.append(rank++).append(". ").append(style.titleOpen).append(hit.title());
      head.append(style.titleClose);
      if (!hit.section().isEmpty()) {
        head.append("  ").append(style.dimOpen).append('[').append(hit.section()).append(']');
        head.append(style.dimClose);
      }
      out.println(head);
      out.println("   " + hit.snippet().marked(style.matchOpen, style.matchClose));
      if (hit.url() != null) {
        out.println("   " + style.dimOpen + hit.url() + style.dimClose);
      }
      out.println("   " + style.dimOpen + hit.source() + ":" + hit.line() + style.dimClose);
      if (explain) {
        out.println(
            String.format(
                Locale.ROOT,
                "   score %.3f; matched: %s",
                hit.score(),
                String.join("; ", hit.matched().stream().map(Match::toString).toList())));
      }
      out.println();
    }
    out.printf(
        "%d of %d result%s for: %s%n",
        result.hits().size(), result.total(), result.total() == 1 ? "" : "s", result.query());
  }
}
