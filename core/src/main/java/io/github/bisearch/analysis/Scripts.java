package io.github.bisearch.analysis;

/**
 * {@link Character.UnicodeScript#of} with shortcuts for the characters indexing meets most: ASCII
 * and the original block of CJK Unified Ideographs. The JDK's lookup is a binary search over some
 * two thousand ranges, and analysis asks it about every character of every field several times.
 */
public final class Scripts {
  /**
   * The ideographs of Unicode 1.1, U+4E00 to U+9FA5: all of them assigned and of the Han script in
   * every Unicode version, so the shortcut holds whatever version the JDK implements.
   */
  private static final int HAN_FIRST = 0x4E00;

  private static final int HAN_LAST = 0x9FA5;

  private Scripts() {}

  /** The script of code point {@code cp}, exactly as {@link Character.UnicodeScript#of} says. */
  public static Character.UnicodeScript of(int cp) {
    if (cp < 0x80) {
      int lower = cp | 0x20;
      return lower >= 'a' && lower <= 'z'
          ? Character.UnicodeScript.LATIN
          : Character.UnicodeScript.COMMON;
    }
    if (cp >= HAN_FIRST && cp <= HAN_LAST) {
      return Character.UnicodeScript.HAN;
    }
    return Character.UnicodeScript.of(cp);
  }

  /**
   * Whether {@code c} is one of the ideographs of Unicode 1.1 (U+4E00 to U+9FA5), all of them Han:
   * a check without the JDK's search for text that is nearly all such characters.
   */
  public static boolean isCommonHan(char c) {
    return c >= HAN_FIRST && c <= HAN_LAST;
  }

  /** Whether code point {@code cp} is of the Han (Chinese) script. */
  public static boolean isHan(int cp) {
    if (cp < 0x80) {
      return false;
    }
    if (cp >= HAN_FIRST && cp <= HAN_LAST) {
      return true;
    }
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
