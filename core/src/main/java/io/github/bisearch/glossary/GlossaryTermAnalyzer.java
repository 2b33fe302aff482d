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

  /**
   * The ids of the built-in glossary's concepts named in a text, one position per occurrence
   * ({@link GlossaryTermTokenizer#concepts}); for Solr schemas like its enclosing class.
   */
  public static final class Concepts extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      return new TokenStreamComponents(GlossaryTermTokenizer.concepts(Glossary.builtIn()));
    }
  }
}
