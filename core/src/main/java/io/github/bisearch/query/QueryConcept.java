package io.github.bisearch.query;

import java.util.List;

/**
 * One thing a query asks for: the user's own words and their translations, matched as one clause.
 *
 * @param original the user's words, normalized
 * @param translations glossary terms with the same meaning, in the other language first
 * @param occur whether the concept is optional, required or excluded
 * @param phrase whether the user quoted it
 */
public record QueryConcept(
    String original, List<String> translations, Occurrence occur, boolean phrase) {
  public QueryConcept {
    translations = List.copyOf(translations);
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
