package io.github.bisearch.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The character folding of the analysis chains applied to a whole string: width, Traditional to
 * Simplified, and lower case. Used where text is matched before it is tokenized (glossary lookup on
 * a raw query) so that it sees exactly what the index saw.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /** Returns {@code text} width-folded, in Simplified script and in lower case. */
  public static String normalize(String text) {
    if (isAscii(text) || !mayFold(text)) {
      // Folding would leave it as it is (it never changes ASCII): only case is left. Glossary terms
      // are mostly like that, and there are thousands of them to normalize at start-up.
      return text.toLowerCase(Locale.ROOT);
    }
    String folded = ChineseVariants.foldSimple(text);
    if (folded != null) {
      return folded.toLowerCase(Locale.ROOT);
    }
    StringBuilder out = new StringBuilder(text.length());
    char[] buffer = new char[256];
    try (Reader reader = ChineseVariants.fold(new StringReader(text))) {
      for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
        out.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen on a StringReader
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean mayFold(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (ChineseVariants.mayFold(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
