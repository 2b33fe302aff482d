package io.github.bisearch.query;

import java.util.List;

/**
 * One thing a query asks for: the user's own words and their translations, matched as one clause.
 *
 * @param original the user's words, normalized
 * @param translations glossary terms with the same meaning, in the other language first
 * @param occur whether the concept is optional, required or excluded
 * @param phrase whether the user quoted it
 * @param fuzzy whether the user's word also matches words one or two letters away (set when the
 *     word as written finds nothing)
 */
public record QueryConcept(
    String original, List<String> translations, Occurrence occur, boolean phrase, boolean fuzzy) {
  public QueryConcept {
    translations = List.copyOf(translations);
  }

  /** Longer words are not retried with typo tolerance: no real word is this long. */
  private static final int LONGEST_FUZZY_WORD = 30;

  /** A concept matched exactly as written. */
  public QueryConcept(
      String original, List<String> translations, Occurrence occur, boolean phrase) {
    this(original, translations, occur, phrase, false);
  }

  /** This concept with typo tolerance. */
  public QueryConcept withFuzzy() {
    return new QueryConcept(original, translations, occur, phrase, true);
  }

  /**
   * Whether typo tolerance makes sense: one Latin word of 4 to 30 letters, with no translation (a
   * word the glossary knows is spelled right), searched for and not quoted.
   */
  public boolean canBeFuzzy() {
    return !phrase
        && occur != Occurrence.MUST_NOT
        && translations.isEmpty()
        && original.codePointCount(0, original.length()) >= 4
        && original.length() <= LONGEST_FUZZY_WORD
        && original.codePoints().allMatch(c -> c < 0x80 && Character.isLetter(c));
  }

  // Written out: a record's generated equals and hashCode are linked on first use, which a
  // command-line search (concepts are hashed to remove repeats) pays for at start-up.

  @Override
  public boolean equals(Object other) {
    return other instanceof QueryConcept concept
        && original.equals(concept.original)
        && translations.equals(concept.translations)
        && occur == concept.occur
        && phrase == concept.phrase
        && fuzzy == concept.fuzzy;
  }

  @Override
  public int hashCode() {
    int h = original.hashCode();
    h = 31 * h + translations.hashCode();
    h = 31 * h + occur.hashCode();
    h = 31 * h + Boolean.hashCode(phrase);
    return 31 * h + Boolean.hashCode(fuzzy);
  }

  /** How a concept takes part in matching. */
  public enum Occurrence {
    /** Matching it raises the score. */
    SHOULD,
    /** Only entries matching it are returned ({@code +word}). */
    MUST,
    /** Entries matching it are left out ({@code -word}). */
    MUST_NOT
  }
}
