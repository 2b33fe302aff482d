package io.github.bisearch;

/**
 * Why a hit matched one concept of the query.
 *
 * @param concept the query concept, as normalized ({@code 虚拟机})
 * @param term the words found in the entry ({@code virtual machine})
 * @param via where those words came from: {@code query} (the user's own words), {@code glossary} (a
 *     translation), {@code part} (a part of a multi-word term) or {@code typo} (a word one or two
 *     letters from the user's)
 */
public record Match(String concept, String term, String via) {
  @Override
  public String toString() {
    return via.equals("query") ? concept : concept + " → \"" + term + "\" (" + via + ")";
  }
}
