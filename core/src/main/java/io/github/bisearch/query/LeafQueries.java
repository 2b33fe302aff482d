package io.github.bisearch.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/** The leaves of a query tree: terms, phrases, synonym groups, expanding words and the rest. */
public final class LeafQueries {
  private LeafQueries() {}

  /**
   * The leaf queries of {@code query} that can match (excluded clauses left out), each object once,
   * in visiting order.
   */
  public static List<Query> of(Query query) {
    List<Query> leaves = new ArrayList<>();
    Set<Query> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            add(leaf);
          }

          @Override
          public void consumeTermsMatching(
              Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
            add(leaf);
          }

          @Override
          public void visitLeaf(Query leaf) {
            add(leaf);
          }

          private void add(Query leaf) {
            if (seen.add(leaf)) {
              leaves.add(leaf);
            }
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
          }
        });
    return leaves;
  }

  /** Whether any of {@code leaves} expands by the index (a fuzzy word), so rewriting needs it. */
  static boolean expand(List<Query> leaves) {
    for (Query leaf : leaves) {
      if (leaf instanceof MultiTermQuery) {
        return true;
      }
    }
    return false;
  }
}
