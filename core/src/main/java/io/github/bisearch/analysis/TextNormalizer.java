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
    String simple = ChineseVariants.foldLowerSimple(text);
    if (simple != null) {
      return simple;
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
}
