package io.github.bisearch.query;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Which of a query's {@linkplain BuiltQuery#alternatives() alternatives} a match belongs to.
 *
 * <p>A hit's matches (Lucene's {@code Matches}) name the leaf query that matched: a term or a
 * phrase in one field. Every leaf of the ranking query also appears in the alternatives it came
 * from, so a table from leaf to alternatives tells which alternatives a hit contains without
 * searching for each alternative again. Single-word translations share one {@link SynonymQuery} per
 * field; for those the matched word itself decides.
 */
public final class Provenance {
  private final Map<Query, BitSet> byLeaf = new HashMap<>();
  private final Map<Term, BitSet> byTerm = new HashMap<>();

  private Provenance() {}

  /** The table for {@code query}, whose leaves are taken as {@code searcher} rewrites them. */
  public static Provenance of(IndexSearcher searcher, BuiltQuery query) throws IOException {
    Provenance provenance = new Provenance();
    List<BuiltQuery.Alternative> alternatives = query.alternatives();
    for (int i = 0; i < alternatives.size(); i++) {
      int index = i;
      Query alternative = alternatives.get(i).query();
      // Built queries are final as built, except fuzzy words, which expand by the index.
      (ConceptQuery.dependsOnIndex(alternative) ? searcher.rewrite(alternative) : alternative)
          .visit(
              new QueryVisitor() {
                @Override
                public void consumeTerms(Query leaf, Term... terms) {
                  provenance.byLeaf.computeIfAbsent(leaf, k -> new BitSet()).set(index);
                  if (leaf instanceof TermQuery) {
                    provenance.byTerm.computeIfAbsent(terms[0], k -> new BitSet()).set(index);
                  }
                }

                @Override
                public void consumeTermsMatching(
                    Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                  provenance.byLeaf.computeIfAbsent(leaf, k -> new BitSet()).set(index);
                }

                @Override
                public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                  return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
                }
              });
    }
    return provenance;
  }

  /**
   * Adds to {@code into} the alternatives that a match of {@code leaf} (a term or phrase) shows.
   */
  public void addAlternatives(Query leaf, BitSet into) {
    BitSet owners = byLeaf.get(leaf);
    if (owners != null) {
      into.or(owners);
    }
  }

  /**
   * Adds to {@code into} the alternatives that a match of {@code leaf} in {@code field} belongs to;
   * {@code matched} is the matched text, which tells the words of a synonym group apart.
   */
  public void addAlternatives(Query leaf, String field, String matched, BitSet into) {
    BitSet owners = byLeaf.get(leaf);
    if (owners != null) {
      into.or(owners);
      return;
    }
    if (leaf instanceof SynonymQuery) {
      Analyzed.Tokens tokens = Analyzed.words(matched);
      if (tokens.list().size() == 1) {
        BitSet word = byTerm.get(new Term(field, tokens.list().get(0).term()));
        if (word != null) {
          into.or(word);
        }
      }
    }
  }
}
