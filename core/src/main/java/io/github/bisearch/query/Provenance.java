package io.github.bisearch.query;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Which of a query's {@linkplain BuiltQuery#alternatives() alternatives} a match belongs to.
 *
 * <p>A hit's matches name the leaf query that matched: a term or a phrase in one field. Every leaf
 * of the ranking query also appears in the alternatives it came from (as the very same object: the
 * builder shares them), so a table from leaf to alternatives tells which alternatives a hit
 * contains without searching for each alternative again. Single-word translations share one {@link
 * SynonymQuery} per field; for those the matched word decides.
 */
public final class Provenance {
  private final List<BuiltQuery.Alternative> alternatives;
  private final IndexSearcher searcher;
  private final Map<Query, BitSet> byIdentity;
  private final Map<Term, BitSet> byTerm;

  /** Made on the first leaf not found by identity (rewritten fuzzy words, Lucene's matches). */
  private Map<Query, BitSet> byEquality;

  private Provenance(IndexSearcher searcher, List<BuiltQuery.Alternative> alternatives) {
    this.searcher = searcher;
    this.alternatives = alternatives;
    int leaves = 0;
    for (BuiltQuery.Alternative alternative : alternatives) {
      leaves += alternative.leaves().size();
    }
    // Sized for every leaf at once: growing the tables cost more than filling them.
    this.byIdentity = new IdentityHashMap<>(leaves);
    this.byTerm = new HashMap<>(leaves * 4 / 3 + 1);
  }

  /** The table for {@code query}, whose leaves are taken as {@code searcher} rewrites them. */
  public static Provenance of(IndexSearcher searcher, BuiltQuery query) {
    Provenance provenance = new Provenance(searcher, query.alternatives());
    List<BuiltQuery.Alternative> alternatives = query.alternatives();
    for (int i = 0; i < alternatives.size(); i++) {
      for (Query leaf : alternatives.get(i).leaves()) {
        provenance.byIdentity.computeIfAbsent(leaf, k -> new BitSet()).set(i);
        if (leaf instanceof TermQuery term) {
          provenance.byTerm.computeIfAbsent(term.getTerm(), k -> new BitSet()).set(i);
        }
      }
    }
    return provenance;
  }

  /**
   * Adds to {@code into} the alternatives that a match of {@code leaf} (a term or phrase) shows.
   */
  public void addAlternatives(Query leaf, BitSet into) throws IOException {
    BitSet owners = byIdentity.get(leaf);
    if (owners == null) {
      owners = byEquality().get(leaf);
    }
    if (owners != null) {
      into.or(owners);
    }
  }

  /** Adds to {@code into} the alternatives that contain {@code term} as a word of their own. */
  public void addAlternatives(Term term, BitSet into) {
    BitSet owners = byTerm.get(term);
    if (owners != null) {
      into.or(owners);
    }
  }

  /**
   * Adds to {@code into} the alternatives that a match of {@code leaf} in {@code field} belongs to;
   * {@code matched} is the matched text, which tells the words of a synonym group apart.
   */
  public void addAlternatives(Query leaf, String field, String matched, BitSet into)
      throws IOException {
    if (leaf instanceof SynonymQuery) {
      Analyzed.Tokens tokens = Analyzed.words(matched);
      if (tokens.list().size() == 1) {
        addAlternatives(new Term(field, tokens.list().get(0).term()), into);
      }
      return;
    }
    addAlternatives(leaf, into);
  }

  private Map<Query, BitSet> byEquality() throws IOException {
    if (byEquality == null) {
      Map<Query, BitSet> table = new HashMap<>();
      for (int i = 0; i < alternatives.size(); i++) {
        BuiltQuery.Alternative alternative = alternatives.get(i);
        // Fuzzy words expand by the index: their leaves are what the searcher rewrites them to.
        Query query =
            alternative.expands() ? searcher.rewrite(alternative.query()) : alternative.query();
        for (Query leaf : LeafQueries.of(query)) {
          table.computeIfAbsent(leaf, k -> new BitSet()).set(i);
          if (leaf instanceof TermQuery term) {
            byTerm.computeIfAbsent(term.getTerm(), k -> new BitSet()).set(i);
          }
        }
      }
      byEquality = table;
    }
    return byEquality;
  }
}
