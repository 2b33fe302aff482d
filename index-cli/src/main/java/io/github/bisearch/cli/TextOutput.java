package io.github.bisearch.cli;

import io.github.bisearch.Hit;
import io.github.bisearch.Match;
import io.github.bisearch.SearchResult;
import io.github.bisearch.query.QueryConcept;
import io.github.bisearch.search.DisplayWidth;
import java.io.PrintWriter;
import java.util.ArrayList;
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
      return choose("auto", System.console() != null, System.getenv("NO_COLOR"));
    }

    /**
     * The style for {@code --color=when}: {@code always}, {@code never}, or {@code auto} (colour on
     * a terminal unless the {@code NO_COLOR} environment variable is set and not empty).
     */
    static Style choose(String when, boolean terminal, String noColor) {
      return switch (when) {
        case "always" -> ANSI;
        case "never" -> PLAIN;
        default -> terminal && (noColor == null || noColor.isEmpty()) ? ANSI : PLAIN;
      };
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

  /**
   * Breaks {@code line} into lines of at most {@code width} terminal columns, each after the first
   * indented by {@code indent} spaces. A Han (or other wide) character takes two columns; lines
   * break at spaces between Latin words, or between any two wide characters, never inside a
   * surrogate pair or an ANSI escape sequence.
   */
  static List<String> wrap(String line, int width, int indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int columns = 0;
    int lastBreak = -1; // index in current after which a break is allowed
    int columnsAtBreak = 0;
    int i = 0;
    while (i < line.length()) {
      if (line.charAt(i) == '\u001b') {
        int end = line.indexOf('m', i);
        end = end < 0 ? line.length() : end + 1;
        current.append(line, i, end);
        i = end;
        continue;
      }
      int cp = line.codePointAt(i);
      int w = DisplayWidth.of(cp);
      if (columns + w > width && columns > indent) {
        if (cp == ' ') {
          i++;
        } else if (lastBreak > 0 && !DisplayWidth.isWide(cp)) {
          String rest = current.substring(lastBreak);
          current.setLength(lastBreak);
          lines.add(current.toString().stripTrailing());
          current.setLength(0);
          current.append(" ".repeat(indent)).append(rest.stripLeading());
          columns = indent + (columns - columnsAtBreak);
          lastBreak = -1;
          continue;
        }
        lines.add(current.toString().stripTrailing());
        current.setLength(0);
        current.append(" ".repeat(indent));
        columns = indent;
        lastBreak = -1;
        continue;
      }
      current.appendCodePoint(cp);
      columns += w;
      if (cp == ' ' || DisplayWidth.isWide(cp)) {
        lastBreak = current.length();
        columnsAtBreak = columns;
      }
      i += Character.charCount(cp);
    }
    lines.add(current.toString());
    return lines;
  }

  static void print(SearchResult result, PrintWriter out, Style style, boolean explain) {
    print(result, out, style, explain, 0);
  }

  /**
   * Prints hits; a positive {@code width} wraps titles and snippets to that many terminal columns
   * (urls and paths stay whole, to remain clickable and copyable).
   */
  static void print(SearchResult result, PrintWriter out, Style style, boolean explain, int width) {
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
      for (String line : width > 0 ? wrap(head.toString(), width, 3) : List.of(head.toString())) {
        out.println(line);
      }
      String snippet = "   " + hit.snippet().marked(style.matchOpen, style.matchClose);
      for (String line : width > 0 ? wrap(snippet, width, 3) : List.of(snippet)) {
        out.println(line);
      }
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
        "%d of %s%d result%s for: %s%n",
        result.hits().size(),
        result.totalExact() ? "" : "at least ",
        result.total(),
        result.total() == 1 ? "" : "s",
        result.query());
  }
}
