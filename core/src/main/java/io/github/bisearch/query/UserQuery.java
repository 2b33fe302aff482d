package io.github.bisearch.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * The query syntax: words, {@code "quoted phrases"} (also with Chinese quotes {@code “”} and {@code
 * 「」}), {@code +required} and {@code -excluded}. Anything else is text; nothing is ever a syntax
 * error. Runs of plain words stay together so that glossary terms can span them.
 */
final class UserQuery {
  /** One part of a query: free text, a phrase, or a required or excluded word. */
  record Clause(String text, Occur occur, boolean phrase) {}

  private UserQuery() {}

  /** Splits already normalized query text into clauses. */
  static List<Clause> parse(String query) {
    List<Clause> clauses = new ArrayList<>();
    StringBuilder free = new StringBuilder();
    int i = 0;
    int n = query.length();
    while (i < n) {
      int cp = query.codePointAt(i);
      if (isSpace(cp)) {
        free.append(' ');
        i += Character.charCount(cp);
        continue;
      }
      Occur occur = Occur.SHOULD;
      int start = i;
      if ((cp == '+' || cp == '-') && i + 1 < n && !isSpace(query.codePointAt(i + 1))) {
        occur = cp == '+' ? Occur.MUST : Occur.MUST_NOT;
        start = i + 1;
      }
      int open = query.codePointAt(start);
      int close = closingQuote(open);
      if (close >= 0) {
        int end = query.indexOf(close, start + 1);
        int stop = end < 0 ? n : end;
        String phrase = query.substring(start + 1, stop).strip();
        if (!phrase.codePoints().allMatch(UserQuery::isSpace)) {
          flush(free, clauses);
          clauses.add(new Clause(phrase, occur, true));
        }
        i = end < 0 ? n : end + 1;
        continue;
      }
      int end = start;
      while (end < n && !isSpace(query.codePointAt(end))) {
        end += Character.charCount(query.codePointAt(end));
      }
      String word = query.substring(start, end);
      if (occur == Occur.SHOULD) {
        free.append(word);
      } else {
        flush(free, clauses);
        clauses.add(new Clause(word, occur, false));
      }
      i = end;
    }
    flush(free, clauses);
    return clauses;
  }

  private static void flush(StringBuilder free, List<Clause> clauses) {
    String text = free.toString().strip();
    if (!text.codePoints().allMatch(UserQuery::isSpace)) {
      clauses.add(new Clause(text, Occur.SHOULD, false));
    }
    free.setLength(0);
  }

  private static int closingQuote(int open) {
    switch (open) {
      case '"':
        return '"';
      case '“':
        return '”';
      case '「':
        return '」';
      default:
        return -1;
    }
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }
}
