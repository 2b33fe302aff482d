package io.github.bisearch.query;

import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.IndexSchema;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * Queries for the built-in glossary's terms in the fields that index them whole ({@link
 * IndexSchema#glossaryTerms}).
 *
 * <p>Each query is made once and shared, so that provenance finds a leaf by identity and a concept
 * brings the same objects to every query. The memories are bounded.
 */
final class GlossaryTermQueries {
  /** The indexed key of each text asked about, or empty when the text is not an indexed term. */
  private static final Map<String, Optional<String>> KEYS = new ConcurrentHashMap<>();

  private static final Map<Term, TermQuery> QUERIES = new ConcurrentHashMap<>();

  private GlossaryTermQueries() {}

  /**
   * The query for {@code text} in {@code field}, a glossary-terms field, or null when the index
   * does not hold {@code text} as a term (not in the built-in glossary, or never indexed whole).
   */
  static TermQuery query(String field, String text) {
    Optional<String> key = KEYS.get(text);
    if (key == null) {
      key = Optional.ofNullable(Glossary.builtIn().indexedKey(text));
      Analyzed.remember(KEYS, text, key);
    }
    if (key.isEmpty()) {
      return null;
    }
    Term term = new Term(field, key.get());
    TermQuery query = QUERIES.get(term);
    if (query == null) {
      query = new TermQuery(term);
      Analyzed.remember(QUERIES, term, query);
    }
    return query;
  }
}
