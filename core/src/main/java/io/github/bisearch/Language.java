package io.github.bisearch;

import io.github.bisearch.analysis.Scripts;
import java.util.Locale;

/** The language of an entry's text, judged by the scripts it is written in. */
public enum Language {
  /** Mostly Han characters. */
  ZH,
  /** No Han characters at all. */
  EN,
  /** Both scripts in real measure, such as a Chinese sentence full of English terms. */
  MIXED;

  /**
   * Share of Han characters among Han characters and Latin letters at or above which text is
   * Chinese.
   */
  private static final double CHINESE_SHARE = 0.6;

  private static final Language[] VALUES = values();

  /**
   * The lower-case code used in JSON output and in the index: {@code zh}, {@code en}, {@code
   * mixed}.
   */
  public String code() {
    return code;
  }

  private final String code = name().toLowerCase(Locale.ROOT);

  /** The language whose {@link #code()} is {@code code}. */
  public static Language fromCode(String code) {
    for (Language language : VALUES) {
      if (language.code.equals(code)) {
        return language;
      }
    }
    return valueOf(code.toUpperCase(Locale.ROOT)); // says which code is unknown
  }

  /**
   * Judges {@code text}: English when it has no Han character, Chinese when Han characters make at
   * least 60% of its Han characters and Latin letters, mixed otherwise. A Latin word counts by its
   * letters, which fits how much room it takes next to Chinese words of one or two characters.
   */
  public static Language detect(CharSequence text) {
    int han = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      Character.UnicodeScript script = Scripts.of(cp);
      if (script == Character.UnicodeScript.HAN) {
        han++;
      } else if (script == Character.UnicodeScript.LATIN && Character.isLetter(cp)) {
        latin++;
      }
    }
    if (han == 0) {
      return EN;
    }
    return han >= CHINESE_SHARE * (han + latin) ? ZH : MIXED;
  }
}
