package io.github.bisearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;

/**
 * Character-level folding shared by every chain: full-width ASCII to half-width (and half-width
 * katakana to full-width), the ideographic space to a space, then Traditional Chinese characters to
 * Simplified.
 *
 * <p>Both steps map one character to one character, so token offsets stay aligned with the text
 * that was indexed; the one exception is a half-width sound mark that combines with the katakana
 * before it ({@code ｶﾞ} becomes {@code ガ}), for which the reader records an offset correction.
 */
public final class ChineseVariants {
  private static final String TABLE = "t2s.tsv";

  /** The full- and half-width forms block. */
  private static final char WIDTH_FIRST = '\uFF00';

  private static final char WIDTH_LAST = '\uFFEF';

  /** The half-width katakana voiced and semi-voiced sound marks. */
  private static final char VOICED_MARK = '\uFF9E';

  private static final char SEMI_VOICED_MARK = '\uFF9F';

  /** The kana blocks: a sound mark combines with no character outside them. */
  private static final char KANA_FIRST = '\u3000';

  private static final int KANA_COUNT = 0x100;

  private ChineseVariants() {}

  /**
   * Wraps {@code reader} so that what is read comes out width-folded and in Simplified script.
   *
   * <p>The reader returned is a {@link org.apache.lucene.analysis.CharFilter}; its corrected
   * offsets are offsets into what {@code reader} hands out, even when that is a CharFilter too.
   */
  public static Reader fold(Reader reader) {
    return new FoldingCharFilter(reader);
  }

  /** The number of Traditional characters the bundled table maps. */
  static int tableSize() {
    return TableHolder.size;
  }

  /**
   * What folding makes of each character standing alone: width first, then the Traditional table,
   * which is keyed on ordinary (not full-width) characters. A surrogate maps to U+FFFD, what it
   * becomes when unpaired, so that every surrogate reads as a character that folding changes.
   */
  static char[] foldTable() {
    return TableHolder.FOLD;
  }

  /**
   * {@code text} folded as {@link #fold} folds it, then lower-cased as {@code
   * String.toLowerCase(Locale.ROOT)} lower-cases it, both in one pass; null when either needs to
   * see more than one character at a time: a surrogate, a half-width sound mark, or a letter whose
   * lower case depends on its neighbours or is longer than it (capital sigma, capital I with a
   * dot).
   */
  static String foldLowerSimple(String text) {
    char[] table = TableHolder.FOLD;
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int lower;
      if (c < 0x80) {
        if (c < 'A' || c > 'Z') {
          continue;
        }
        lower = c + ('a' - 'A');
      } else {
        if (Character.isSurrogate(c) || c == VOICED_MARK || c == SEMI_VOICED_MARK) {
          return null;
        }
        lower = lowerCase(table[c]);
        if (lower < 0) {
          return null;
        }
        if (lower == c) {
          continue;
        }
      }
      if (out == null) {
        out = text.toCharArray();
      }
      out[i] = (char) lower;
    }
    return out == null ? text : new String(out);
  }

  /** {@code c} in lower case, or -1 when that is not one character whatever its neighbours. */
  private static int lowerCase(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
    if (c >= CASELESS_FIRST && c <= CASELESS_LAST) {
      return c;
    }
    if (c == '\u03A3' || c == '\u0130') {
      return -1;
    }
    int lower = Character.toLowerCase((int) c);
    return lower > Character.MAX_VALUE ? -1 : lower;
  }

  /** CJK punctuation, kana and ideographs: no character here has a lower case of its own. */
  private static final char CASELESS_FIRST = '\u3000';

  private static final char CASELESS_LAST = '\u9FFF';

  /** The lowest character that {@link #foldTable()} changes. */
  static char firstFolded() {
    return TableHolder.firstFolded;
  }

  /** What width folding alone makes of {@code c}. */
  static char widthFold(char c) {
    return c >= WIDTH_FIRST && c <= WIDTH_LAST ? TableHolder.WIDTH[c - WIDTH_FIRST] : c;
  }

  /** Whether a half-width sound mark could combine with {@code c}, a width-folded character. */
  static boolean takesSoundMark(char c) {
    int i = c - KANA_FIRST;
    return i >= 0
        && i < KANA_COUNT
        && (TableHolder.VOICED[i] != 0 || TableHolder.SEMI_VOICED[i] != 0);
  }

  /**
   * The character that {@code mark} combines into with {@code previous}, the width-folded character
   * before it, or -1 if {@code mark} is not a half-width sound mark that combines with it.
   */
  static int combineSoundMark(char previous, char mark) {
    int i = previous - KANA_FIRST;
    if (i < 0 || i >= KANA_COUNT) {
      return -1;
    }
    char combined;
    if (mark == VOICED_MARK) {
      combined = TableHolder.VOICED[i];
    } else if (mark == SEMI_VOICED_MARK) {
      combined = TableHolder.SEMI_VOICED[i];
    } else {
      return -1;
    }
    return combined == 0 ? -1 : combined;
  }

  /** Loads the tables on first use only: most callers reach them through an analyzer. */
  private static final class TableHolder {
    static int size;
    static char firstFolded;

    /** Width folding of {@code WIDTH_FIRST} to {@code WIDTH_LAST}; it leaves the rest alone. */
    static final char[] WIDTH = new char[WIDTH_LAST - WIDTH_FIRST + 1];

    /** What each kana from {@code KANA_FIRST} on combines into with a sound mark, or 0. */
    static final char[] VOICED = new char[KANA_COUNT];

    static final char[] SEMI_VOICED = new char[KANA_COUNT];

    static final char[] FOLD = load();

    private static char[] load() {
      // Width folding as Lucene's CJKWidthCharFilter does it, asked of the filter itself so that
      // the two cannot disagree.
      for (int i = 0; i < WIDTH.length; i++) {
        WIDTH[i] = widthFoldedByLucene(String.valueOf((char) (WIDTH_FIRST + i))).charAt(0);
      }
      for (int i = 0; i < KANA_COUNT; i++) {
        VOICED[i] = combinedByLucene((char) (KANA_FIRST + i), VOICED_MARK);
        SEMI_VOICED[i] = combinedByLucene((char) (KANA_FIRST + i), SEMI_VOICED_MARK);
      }
      char[] script = identity();
      // The width filter leaves the ideographic space alone; it is a plain space to every reader.
      script['\u3000'] = ' ';
      int count = 0;
      try (InputStream in = ChineseVariants.class.getResourceAsStream(TABLE)) {
        if (in == null) {
          throw new IllegalStateException("bisearch resource missing from the classpath: " + TABLE);
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          int tab = line.indexOf('\t');
          if (tab != 1 || line.length() != 3) {
            throw new IllegalStateException("not one character to one in " + TABLE + ": " + line);
          }
          script[line.charAt(0)] = line.charAt(2);
          count++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bisearch resource " + TABLE, e);
      }
      size = count;
      char[] fold = identity();
      for (int c = 0; c < fold.length; c++) {
        char width = c >= WIDTH_FIRST && c <= WIDTH_LAST ? WIDTH[c - WIDTH_FIRST] : (char) c;
        fold[c] = script[width];
      }
      for (int c = Character.MIN_SURROGATE; c <= Character.MAX_SURROGATE; c++) {
        fold[c] = fold['\uFFFD'];
      }
      int first = 0;
      while (fold[first] == first) {
        first++;
      }
      firstFolded = (char) first;
      return fold;
    }

    private static char[] identity() {
      char[] table = new char[Character.MAX_VALUE + 1];
      for (int c = 0; c < table.length; c++) {
        table[c] = (char) c;
      }
      return table;
    }

    /** What {@code mark} after {@code kana} comes out as from the width filter, or 0 if two. */
    private static char combinedByLucene(char kana, char mark) {
      String out = widthFoldedByLucene(new String(new char[] {kana, mark}));
      return out.length() == 1 ? out.charAt(0) : 0;
    }

    private static String widthFoldedByLucene(String text) {
      StringBuilder out = new StringBuilder(text.length());
      try (Reader reader = new CJKWidthCharFilter(new StringReader(text))) {
        for (int c = reader.read(); c != -1; c = reader.read()) {
          out.append((char) c);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // cannot happen on a StringReader
      }
      return out.toString();
    }
  }
}
