package io.github.bisearch.search;

import io.github.bisearch.Snippet;
import io.github.bisearch.Snippet.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a snippet out of a text around its matched ranges.
 *
 * <p>Length is measured in terminal columns (a Han character or other wide character takes two), so
 * Chinese and English snippets fill about the same room. The window is the one that holds the most
 * matches; it starts at a sentence start or a word start shortly before the first of them, never
 * inside a surrogate pair or a Latin word.
 */
final class Snippets {
  /** Columns a snippet may take. */
  static final int WIDTH = 160;

  /** Columns of context kept before the first match. */
  static final int LEAD = 24;

  private static final String ELLIPSIS = "…";

  private Snippets() {}

  static Snippet cut(String text, List<Range> ranges) {
    List<Range> merged = merge(ranges);
    if (text.length() <= WIDTH / DisplayWidth.WIDEST) {
      return new Snippet(text, merged); // fits however wide its characters are
    }
    Columns columns = new Columns(text);
    if (columns.fits(WIDTH)) {
      return new Snippet(text, merged);
    }
    int start = merged.isEmpty() ? 0 : bestStart(text, columns, merged);
    int end = columns.advance(start, WIDTH);
    end = backToWordEnd(text, start, end);
    StringBuilder out = new StringBuilder();
    int shift = 0;
    if (start > 0) {
      out.append(ELLIPSIS);
      shift = ELLIPSIS.length() - start;
    }
    out.append(text, start, end);
    if (end < text.length()) {
      out.append(ELLIPSIS);
    }
    List<Range> inside = new ArrayList<>();
    for (Range range : merged) {
      if (range.start() >= start && range.end() <= end) {
        inside.add(new Range(range.start() + shift, range.end() + shift));
      }
    }
    return new Snippet(out.toString(), inside);
  }

  /** Where to start so that the window holds the most matches; earliest wins ties. */
  private static int bestStart(String text, Columns columns, List<Range> ranges) {
    int bestCount = -1;
    int bestAnchor = 0;
    for (int i = 0; i < ranges.size(); i++) {
      int anchor = ranges.get(i).start();
      int limit = columns.advance(anchor, WIDTH - LEAD);
      int count = 0;
      for (int j = i; j < ranges.size() && ranges.get(j).end() <= limit; j++) {
        count++;
      }
      if (count > bestCount) {
        bestCount = count;
        bestAnchor = anchor;
      }
    }
    return contextStart(text, bestAnchor);
  }

  /** A start up to {@link #LEAD} columns before {@code anchor}: a sentence start if one is near. */
  private static int contextStart(String text, int anchor) {
    int earliest = anchor;
    int columns = 0;
    while (earliest > 0 && columns < LEAD) {
      int cp = text.codePointBefore(earliest);
      if (isSentenceEnd(cp)) {
        return skipSpaces(text, earliest, anchor);
      }
      columns += columns(cp);
      earliest -= Character.charCount(cp);
    }
    if (earliest == 0) {
      return 0;
    }
    // Do not start inside a Latin word.
    while (earliest < anchor
        && isWordChar(text.codePointBefore(earliest))
        && isWordChar(text.codePointAt(earliest))) {
      earliest += Character.charCount(text.codePointAt(earliest));
    }
    return skipSpaces(text, earliest, anchor);
  }

  private static int skipSpaces(String text, int from, int limit) {
    int at = from;
    while (at < limit && Character.isWhitespace(text.codePointAt(at))) {
      at += Character.charCount(text.codePointAt(at));
    }
    return at;
  }

  /** Moves back from {@code end} to the end of a Latin word, unless that loses too much. */
  private static int backToWordEnd(String text, int start, int end) {
    if (end >= text.length()) {
      return text.length();
    }
    int at = end;
    int limit = Math.max(start, end - 20);
    while (at > limit && isWordChar(text.codePointBefore(at)) && isWordChar(text.codePointAt(at))) {
      at -= Character.charCount(text.codePointBefore(at));
    }
    return at > limit ? at : end;
  }

  /**
   * The columns before each index of a text, counted once and only as far as asked: the width of
   * any stretch and how far a number of columns reaches are then a subtraction and a binary search,
   * and a long text whose matches come early is never measured to its end.
   */
  private static final class Columns {
    private final String text;
    private final int[] before;

    /** {@code before} is known up to and including this index. */
    private int known;

    Columns(String text) {
      this.text = text;
      this.before = new int[text.length() + 1];
    }

    /** Counts columns up to index {@code to} at least (the end of a pair a little further). */
    private void countTo(int to) {
      int i = known;
      int total = before[i];
      int length = text.length();
      while (i < to) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7F) {
          total++; // printable ASCII
        } else if (c >= 0x4E00 && c <= 0x9FFF) {
          total += 2; // common ideographs
        } else if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          total += columns(Character.toCodePoint(c, text.charAt(i + 1)));
          before[++i] = total; // inside the pair as after it
        } else {
          total += columns(c);
        }
        before[++i] = total;
      }
      known = Math.max(known, i);
    }

    /** Whether the whole text fits in {@code columns} columns. */
    boolean fits(int columns) {
      // A char takes two columns at most: once the columns counted so far and twice the chars left
      // fit, the rest needs no counting.
      int i = known;
      while (i < text.length()) {
        if (before[i] > columns) {
          return false;
        }
        if (before[i] + DisplayWidth.WIDEST * (text.length() - i) <= columns) {
          return true;
        }
        countTo(Math.min(text.length(), i + 16));
        i = known;
      }
      return before[text.length()] <= columns;
    }

    /**
     * The index after advancing {@code columns} columns from {@code from}: the last code point
     * boundary whose columns since {@code from} fit (characters of no width that follow included).
     */
    int advance(int from, int columns) {
      countTo(from);
      int limit = before[from] + columns;
      // Count on until past the limit (or the end), then search what was counted.
      while (known < text.length() && before[known] <= limit) {
        countTo(Math.min(text.length(), known + 64));
      }
      int low = from;
      int high = known;
      while (low < high) {
        int middle = (low + high + 1) >>> 1;
        if (before[middle] <= limit) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      if (low > from
          && low < text.length()
          && Character.isLowSurrogate(text.charAt(low))
          && Character.isHighSurrogate(text.charAt(low - 1))) {
        low--; // never inside a pair
      }
      return low;
    }
  }

  static int width(String text, int from, int to) {
    return DisplayWidth.of(text, from, to);
  }

  static int columns(int cp) {
    return DisplayWidth.of(cp);
  }

  private static boolean isSentenceEnd(int cp) {
    return cp == '。' || cp == '！' || cp == '？' || cp == '；' || cp == '.' || cp == '!' || cp == '?'
        || cp == ';';
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp)
        && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN;
  }

  private static final Comparator<Range> BY_START_THEN_END =
      new Comparator<>() {
        @Override
        public int compare(Range a, Range b) {
          int byStart = Integer.compare(a.start(), b.start());
          return byStart != 0 ? byStart : Integer.compare(a.end(), b.end());
        }
      };

  /** Sorts ranges and joins those that overlap or touch. */
  static List<Range> merge(List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(BY_START_THEN_END);
    List<Range> merged = new ArrayList<>();
    for (Range range : sorted) {
      if (range.start() < 0 || range.end() <= range.start()) {
        continue;
      }
      if (!merged.isEmpty() && range.start() <= merged.get(merged.size() - 1).end()) {
        Range last = merged.remove(merged.size() - 1);
        merged.add(new Range(last.start(), Math.max(last.end(), range.end())));
      } else {
        merged.add(range);
      }
    }
    return merged;
  }
}
