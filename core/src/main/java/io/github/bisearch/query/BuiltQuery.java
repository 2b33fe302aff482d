package io.github.bisearch.query;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A user query turned into Lucene terms.
 *
 * @param query the query to run
 * @param concepts each concept searched for (not the excluded ones), in query order, with the
 *     clause an entry must match to cover it; ranking counts how many of them an entry covers
 * @param alternatives every way a concept can match (its own words, each translation, each part),
 *     to tell which of them a hit matched
 */
public record BuiltQuery(Query query, List<Clause> concepts, List<Alternative> alternatives) {
  public BuiltQuery {
    concepts = List.copyOf(concepts);
    alternatives = List.copyOf(alternatives);
  }

  /**
   * The query as {@code searcher} would rewrite it. A query of concept clauses that were rewritten
   * when they were built (no fuzzy words) is final as it is, and rewriting it again on every search
   * would walk its whole tree for nothing.
   */
  public Query rewritten(IndexSearcher searcher) throws IOException {
    if (query instanceof BooleanQuery bool) {
      boolean prepared = true;
      for (BooleanClause clause : bool) {
        prepared &= clause.getQuery() instanceof ConceptQuery concept && concept.isPrepared();
      }
      if (prepared) {
        return query;
      }
    }
    return searcher.rewrite(query);
  }

  /** A concept and the clause that decides whether an entry covers it. */
  public record Clause(QueryConcept concept, Query coverage) {}

  /** How an alternative came into the query. */
  public enum Via {
    /** The user's own words. */
    QUERY,
    /** A translation from the glossary. */
    GLOSSARY,
    /** A part of a multi-word glossary term. */
    PART,
    /** A word one or two letters from the user's word. */
    TYPO;

    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    /** The lower-case name used in output. */
    public String code() {
      return code;
    }
  }

  /**
   * One way a concept can match.
   *
   * @param concept the concept's text as normalized
   * @param term the words that match
   * @param via where they came from
   * @param query matches exactly the entries containing {@code term}, in any searched field
   */
  public record Alternative(String concept, String term, Via via, Query query, List<Query> leaves) {
    /**
     * @param leaves the leaf queries of {@code query} (terms, phrases, expanding words), found once
     *     here because every search's highlighting asks for them
     */
    public Alternative {
      leaves = List.copyOf(leaves);
    }

    public Alternative(String concept, String term, Via via, Query query) {
      this(concept, term, via, query, LeafQueries.of(query));
    }

    /** Whether {@code query} has words that expand by the index (fuzzy words). */
    boolean expands() {
      return LeafQueries.expand(leaves);
    }
  }
}
