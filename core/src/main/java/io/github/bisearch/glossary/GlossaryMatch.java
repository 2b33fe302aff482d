package io.github.bisearch.glossary;

import java.util.List;

/**
 * A stretch of query text that names one or more glossary concepts.
 *
 * @param text the matched text, as normalized
 * @param start start offset in the normalized text
 * @param end end offset in the normalized text
 * @param concepts the concepts whose term matched; more than one when a term has several senses
 */
public record GlossaryMatch(String text, int start, int end, List<Concept> concepts) {
  public GlossaryMatch {
    concepts = List.copyOf(concepts);
  }
}
