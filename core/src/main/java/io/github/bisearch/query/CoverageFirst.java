package io.github.bisearch.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * A ranking query without its parts clauses, for a first search of the entries that cover every
 * concept.
 *
 * <p>A concept's parts ({@code 资源} and {@code 调度} of {@code 资源调度}) add relevance only to entries
 * that do not cover the concept (see {@link ConceptQuery#relevanceOnly(Query, Query, Query, int)}),
 * and such an entry scores below every entry that covers all concepts. So when the best {@code n}
 * entries of the query without its parts clauses all cover every concept, they are the best {@code
 * n} of the whole query, with the same scores. Lucene cannot know this by itself: a parts clause's
 * score bound holds for all entries, and on a large index it scores the parts of every entry that
 * covers all concepts, only to add nothing.
 *
 * @param query the ranking query without its parts clauses
 * @param concepts the concepts an entry must cover for {@code query}'s ranking to be final
 */
public record CoverageFirst(Query query, int concepts) {

  /**
   * The first search for {@code ranking}, a query as {@link BilingualQueryBuilder} builds it
   * (rewritten), optionally restricted by filters; null when it has no parts clauses, or clauses
   * that are not concepts, so that a single search is the way.
   */
  public static CoverageFirst of(Query ranking) {
    Counter counter = new Counter();
    Query query = withoutParts(ranking, counter);
    return query == null || counter.parts == 0 || counter.concepts == 0
        ? null
        : new CoverageFirst(query, counter.concepts);
  }

  /**
   * Whether {@code top}, the best hits of {@link #query}, are the whole query's best {@code
   * wanted}: there are as many, the last covers every concept, and the total is a lower bound (an
   * exact total would leave out the entries that only the parts match).
   */
  public boolean isFinal(TopDocs top, int wanted) {
    int found = top.scoreDocs.length;
    return found > 0
        && found >= wanted
        && ConceptQuery.covered(top.scoreDocs[found - 1].score) >= concepts
        && top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
  }

  private static final class Counter {
    int concepts;
    int parts;
  }

  private static Query withoutParts(Query query, Counter counter) {
    if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0) {
      return null;
    }
    // A parts clause adds nothing to the entries that cover its concept: a concept of this query.
    List<Query> covering = new ArrayList<>();
    for (BooleanClause clause : bool) {
      if (clause.getQuery() instanceof ConceptQuery concept && concept.covers()) {
        covering.add(concept.coverage() != null ? concept.coverage() : concept.scoring());
      }
    }
    BooleanQuery.Builder kept = new BooleanQuery.Builder();
    for (BooleanClause clause : bool) {
      Occur occur = clause.getOccur();
      Query sub = clause.getQuery();
      if (occur == Occur.FILTER || occur == Occur.MUST_NOT) {
        kept.add(clause); // no score
      } else if (sub instanceof ConceptQuery concept) {
        if (concept.covers()) {
          counter.concepts++;
          kept.add(clause);
        } else if (occur == Occur.SHOULD && covering.contains(concept.coverage())) {
          counter.parts++; // adds nothing to entries that cover its concept
        } else {
          return null;
        }
      } else if (occur == Occur.MUST && sub instanceof BooleanQuery) {
        // A filtered search: the ranking query is required, the filters score nothing.
        Query inner = withoutParts(sub, counter);
        if (inner == null) {
          return null;
        }
        kept.add(inner, occur);
      } else {
        return null;
      }
    }
    return kept.build();
  }
}
