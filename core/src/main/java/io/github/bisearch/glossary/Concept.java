package io.github.bisearch.glossary;

import java.util.List;

/**
 * One meaning with its names in both languages, such as {@code 虚拟机|虚机} and {@code virtual
 * machine|vm}.
 *
 * @param chinese the Chinese terms, in Simplified script
 * @param english the English terms, in lower case
 */
public record Concept(List<String> chinese, List<String> english) {
  public Concept {
    chinese = List.copyOf(chinese);
    english = List.copyOf(english);
  }

  /** All terms: Chinese first, then English. */
  public List<String> terms() {
    List<String> terms = new java.util.ArrayList<>(chinese.size() + english.size());
    terms.addAll(chinese);
    terms.addAll(english);
    return java.util.Collections.unmodifiableList(terms);
  }
}
