package io.github.bisearch.search;

/**
 * Terminal columns a code point takes: two for East Asian wide and full-width characters (Han,
 * kana, Hangul, full-width forms, most emoji), none for combining marks, one otherwise. Snippet
 * lengths and the CLI's line wrapping count in these columns.
 */
public final class DisplayWidth {
  /** The most columns a code point (and so a char: a pair of surrogates takes two) takes. */
  static final int WIDEST = 2;

  private DisplayWidth() {}

  /** The columns {@code cp} takes. */
  public static int of(int cp) {
    if (cp >= 0x20 && cp < 0x7F) {
      return 1; // printable ASCII, most of any text: no need to ask for its type
    }
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      return 2; // common ideographs
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  /** Whether {@code cp} takes two columns. */
  public static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  /** The columns of {@code text} from {@code from} to {@code to}. */
  public static int of(String text, int from, int to) {
    int total = 0;
    for (int i = from; i < to; ) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        total++;
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      total += of(cp);
      i += Character.charCount(cp);
    }
    return total;
  }
}
