package io.github.bisearch.glossary;

import io.github.bisearch.analysis.Scripts;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * A unit of text for glossary lookup: one Han character, or one word of letters and digits.
 *
 * @param text the unit as it appears in the (normalized) text
 * @param key what lookup compares: the character, or the word with its plural ending removed
 * @param han whether the unit is a Han character
 * @param start start offset in the text
 * @param end end offset in the text
 * @param joined whether only white space, a hyphen or nothing separates it from the unit before
 */
public record Unit(String text, String key, boolean han, int start, int end, boolean joined) {
  /** Stateless: one serves every thread. */
  private static final EnglishMinimalStemmer STEMMER = new EnglishMinimalStemmer();

  /** Words this short keep a final "s". */
  static final int SHORTEST_PLURAL = 3;

  /** The CJK Unified Ideographs block as of Unicode 1.1, which nearly all Chinese text keeps to. */
  private static final int COMMON_HAN_FIRST = 0x4E00;

  private static final int COMMON_HAN_LAST = 0x9FA5;

  /** How many common Han characters there are ({@link #commonHanIndex}). */
  static final int COMMON_HAN_COUNT = COMMON_HAN_LAST - COMMON_HAN_FIRST + 1;

  private static final String[] COMMON_HAN = new String[COMMON_HAN_COUNT];

  /**
   * The place of a Han unit's character among the common ideographs, from 0, or -1 when it is not
   * one of them.
   */
  static int commonHanIndex(String han) {
    char c = han.charAt(0);
    return han.length() == 1 && c >= COMMON_HAN_FIRST && c <= COMMON_HAN_LAST
        ? c - COMMON_HAN_FIRST
        : -1;
  }

  /** The common ideograph at {@code index} ({@link #commonHanIndex}). */
  static char commonHan(int index) {
    return (char) (COMMON_HAN_FIRST + index);
  }

  /**
   * Splits already normalized text into units. Punctuation and symbols separate units without being
   * units themselves; a unit after them is not {@link #joined}.
   */
  public static List<Unit> split(String text) {
    List<Unit> units = new ArrayList<>();
    boolean joined = false;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isHan(cp)) {
        String ch = han(text, i, next, cp);
        units.add(new Unit(ch, ch, true, i, next, joined));
        joined = true;
        i = next;
      } else if (Character.getType(cp) == Character.OTHER_SYMBOL) {
        // An emoji or other symbol is a word of its own, as the word segmenter indexes it.
        String symbol = text.substring(i, next);
        units.add(new Unit(symbol, symbol, false, i, next, joined));
        joined = true;
        i = next;
      } else if (isWordChar(cp)) {
        int end = next;
        while (end < text.length()) {
          int c = text.codePointAt(end);
          if (!isWordChar(c) || isHan(c)) {
            break;
          }
          end += Character.charCount(c);
        }
        String word = text.substring(i, end);
        units.add(new Unit(word, keyOf(word), false, i, end, joined));
        joined = true;
        i = end;
      } else {
        // Spaces and hyphens join words into terms ("real-time" is "real time"); other
        // punctuation ends a term.
        if (!joins(cp)) {
          joined = false;
        }
        i = next;
      }
    }
    return units;
  }

  /** The lookup key of a word unit: the word with its plural ending removed. */
  static String keyOf(String word) {
    if (word.length() <= SHORTEST_PLURAL || word.charAt(word.length() - 1) != 's') {
      return word; // what the stemmer leaves as it is, without copying the word for it
    }
    char[] chars = word.toCharArray();
    // Short words are mostly acronyms: "ups" is not the plural of "up", nor "gcs" of "gc".
    int length = chars.length > SHORTEST_PLURAL ? STEMMER.stem(chars, chars.length) : chars.length;
    return length == chars.length ? word : new String(chars, 0, length);
  }

  /** Whether {@code cp}, between two units, leaves them joined: white space or a hyphen. */
  static boolean joins(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isHyphen(cp);
  }

  /**
   * The Han character at {@code [start, end)} of {@code text} as a string: for the common
   * ideographs one string per character, made on first use and shared, so that splitting text makes
   * no new string for them and each one's hash, which glossary lookup needs, is computed once.
   */
  private static String han(String text, int start, int end, int cp) {
    if (cp < COMMON_HAN_FIRST || cp > COMMON_HAN_LAST) {
      return text.substring(start, end);
    }
    String ch = COMMON_HAN[cp - COMMON_HAN_FIRST];
    if (ch == null) {
      // A race makes two equal strings, either of which serves.
      ch = String.valueOf((char) cp);
      COMMON_HAN[cp - COMMON_HAN_FIRST] = ch;
    }
    return ch;
  }

  private static boolean isHyphen(int cp) {
    return cp == '-' || cp == '‐' || cp == '‑';
  }

  /** Whether {@code cp} is a Han (Chinese) character. */
  public static boolean isHan(int cp) {
    return Scripts.isHan(cp);
  }

  /** Whether {@code cp} belongs to a word unit: a letter, a digit or a combining mark. */
  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return Character.isLetterOrDigit(cp)
        || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }
}
