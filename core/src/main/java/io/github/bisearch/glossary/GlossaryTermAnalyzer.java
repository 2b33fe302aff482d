package io.github.bisearch.glossary;

import org.apache.lucene.analysis.Analyzer;

/**
 * The built-in glossary's terms in a text, one token per occurrence ({@link
 * GlossaryTermTokenizer}). Has a public no-argument constructor, so that a Solr schema can name it.
 */
public final class GlossaryTermAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new GlossaryTermTokenizer(Glossary.builtIn()));
  }
}
