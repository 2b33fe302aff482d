package io.github.bisearch.search;

import io.github.bisearch.Snippet.Range;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.query.ConceptQuery;
import io.github.bisearch.query.GlossaryTermQueries;
import io.github.bisearch.query.LeafQueries;
import io.github.bisearch.query.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * What matched in each hit, found for all hits at once: each term of the query is looked up once
 * per segment and its postings stepped through the hits in document order.
 *
 * <p>Lucene's {@code Weight.matches} answers the same question one document at a time, opening the
 * postings of every leaf of the query for every hit; with a query of a hundred leaves and ten hits
 * that costs more than the search. Terms, exact phrases and synonym groups (the leaves bisearch
 * builds) are matched here; a query with other leaves says so through {@link #handles}.
 */
final class Highlights {
  /** What matched in one hit: offsets by stored field, and the alternatives found. */
  record Found(Map<String, List<Range>> ranges, BitSet alternatives) {}

  /**
   * A leaf of the query: one term, an exact phrase, or a group of synonyms (each a term alone); a
   * leaf only for highlighting tells nothing of provenance.
   */
  private record Leaf(
      Query query, Term[] terms, int[] positions, boolean synonyms, boolean highlightOnly) {}

  private final List<Leaf> leaves = new ArrayList<>();
  private final Set<Query> highlighting = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean unknown;

  private Highlights(Query query) {
    add(query);
  }

  /** Adds the leaves of {@code query}; a concept's leaves are known to it already. */
  private void add(Query query) {
    if (query instanceof BooleanQuery bool) {
      for (BooleanClause clause : bool) {
        if (clause.getOccur() != Occur.MUST_NOT) {
          add(clause.getQuery());
        }
      }
    } else if (query instanceof ConceptQuery concept) {
      for (Query leaf : concept.leaves()) {
        addLeaf(leaf);
      }
    } else {
      for (Query leaf : LeafQueries.of(query)) {
        addLeaf(leaf);
      }
    }
  }

  private void addLeaf(Query leaf) {
    addLeaf(leaf, false);
  }

  private void addLeaf(Query leaf, boolean highlightOnly) {
    if (highlightOnly && !highlighting.add(leaf)) {
      return; // several glossary terms may stand for the same words
    }
    if (leaf instanceof TermQuery term) {
      leaves.add(new Leaf(leaf, new Term[] {term.getTerm()}, new int[] {0}, false, highlightOnly));
      highlightGlossaryTerms(term.getTerm());
    } else if (leaf instanceof SynonymQuery synonyms) {
      Term[] terms = synonyms.getTerms().toArray(new Term[0]);
      leaves.add(new Leaf(leaf, terms, new int[terms.length], true, highlightOnly));
      for (Term term : terms) {
        highlightGlossaryTerms(term);
      }
    } else if (leaf instanceof PhraseQuery phrase && phrase.getSlop() == 0) {
      leaves.add(new Leaf(leaf, phrase.getTerms(), phrase.getPositions(), false, highlightOnly));
    } else if (!(leaf instanceof MatchNoDocsQuery)) {
      unknown = true;
    }
  }

  /**
   * A glossary term is indexed without positions: where it stands comes from its words and bigrams,
   * searched in the hits only.
   */
  private void highlightGlossaryTerms(Term term) {
    if (IndexSchema.isGlossaryTerms(term.field())) {
      for (Query query : GlossaryTermQueries.highlighting(term)) {
        addLeaf(query, true);
      }
    }
  }

  /** The leaves of {@code rewritten}, a query as the searcher rewrote it. */
  static Highlights of(Query rewritten) {
    return new Highlights(rewritten);
  }

  /** Whether every leaf of the query is one this class can match. */
  boolean handles() {
    return !unknown;
  }

  /** What matched in each of {@code docs} (sorted, in {@code leaf}'s segment, relative to it). */
  Found[] find(LeafReaderContext leaf, int[] docs, Provenance provenance) throws IOException {
    Found[] found = new Found[docs.length];
    for (int i = 0; i < docs.length; i++) {
      found[i] = new Found(new HashMap<>(), new BitSet());
    }
    for (Leaf query : leaves) {
      Provenance credited = query.highlightOnly() ? null : provenance;
      String field = query.terms()[0].field();
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      // Fields without offsets (section, url) still tell which alternatives a hit contains.
      int flags = terms.hasOffsets() ? PostingsEnum.OFFSETS : PostingsEnum.POSITIONS;
      String stored = IndexSchema.storedFieldOf(field);
      if (query.synonyms()) {
        for (Term term : query.terms()) {
          PostingsEnum[] postings = postings(terms, new Term[] {term}, flags);
          if (postings != null) {
            match(term, postings, new int[] {0}, docs, stored, credited, found);
          }
        }
      } else {
        PostingsEnum[] postings = postings(terms, query.terms(), flags);
        if (postings != null) {
          match(query.query(), postings, query.positions(), docs, stored, credited, found);
        }
      }
    }
    return found;
  }

  /** The postings of every term, or null when one of them is absent. */
  private static PostingsEnum[] postings(Terms terms, Term[] wanted, int flags) throws IOException {
    PostingsEnum[] postings = new PostingsEnum[wanted.length];
    for (int i = 0; i < wanted.length; i++) {
      TermsEnum termsEnum = terms.iterator();
      if (!termsEnum.seekExact(wanted[i].bytes())) {
        return null;
      }
      postings[i] = termsEnum.postings(null, flags);
    }
    return postings;
  }

  /** Matches {@code leaf}, a query or (in a synonym group) a term, in each of {@code docs}. */
  private static void match(
      Object leaf,
      PostingsEnum[] postings,
      int[] positions,
      int[] docs,
      String stored,
      Provenance provenance,
      Found[] found)
      throws IOException {
    for (int d = 0; d < docs.length; d++) {
      if (!allAt(postings, docs[d])) {
        continue;
      }
      List<Range> ranges = new ArrayList<>();
      if (occurrences(postings, positions, ranges) > 0) {
        if (!ranges.isEmpty()) {
          found[d].ranges().computeIfAbsent(stored, k -> new ArrayList<>()).addAll(ranges);
        }
        if (provenance == null) {
          continue; // a leaf only for highlighting
        }
        if (leaf instanceof Term term) {
          provenance.addAlternatives(term, found[d].alternatives());
        } else {
          provenance.addAlternatives((Query) leaf, found[d].alternatives());
        }
      }
    }
  }

  /** Whether every postings enum is on {@code doc}, advancing those behind it. */
  private static boolean allAt(PostingsEnum[] postings, int doc) throws IOException {
    for (PostingsEnum p : postings) {
      int at = p.docID();
      if (at < doc) {
        at = p.advance(doc);
      }
      if (at != doc || at == DocIdSetIterator.NO_MORE_DOCS) {
        return false;
      }
    }
    return true;
  }

  /**
   * Counts the occurrences of the terms at their relative positions in the current doc, adding the
   * offsets of each to {@code ranges} when the field has offsets.
   */
  private static int occurrences(PostingsEnum[] postings, int[] positions, List<Range> ranges)
      throws IOException {
    if (postings.length == 1) {
      PostingsEnum p = postings[0];
      int freq = p.freq();
      for (int i = freq; i > 0; i--) {
        p.nextPosition();
        if (p.startOffset() >= 0) {
          ranges.add(new Range(p.startOffset(), p.endOffset()));
        }
      }
      return freq;
    }
    // Each term's positions with their offsets, then every start that lines them all up.
    int[][] at = new int[postings.length][];
    int[][] starts = new int[postings.length][];
    int[][] ends = new int[postings.length][];
    for (int t = 0; t < postings.length; t++) {
      PostingsEnum p = postings[t];
      int freq = p.freq();
      at[t] = new int[freq];
      starts[t] = new int[freq];
      ends[t] = new int[freq];
      for (int i = 0; i < freq; i++) {
        at[t][i] = p.nextPosition() - positions[t];
        starts[t][i] = p.startOffset();
        ends[t][i] = p.endOffset();
      }
    }
    int count = 0;
    for (int i = 0; i < at[0].length; i++) {
      int origin = at[0][i];
      int start = starts[0][i];
      int end = ends[0][i];
      boolean lined = true;
      for (int t = 1; t < postings.length && lined; t++) {
        int k = Arrays.binarySearch(at[t], origin);
        if (k < 0) {
          lined = false;
        } else {
          start = Math.min(start, starts[t][k]);
          end = Math.max(end, ends[t][k]);
        }
      }
      if (lined) {
        count++;
        if (start >= 0) {
          ranges.add(new Range(start, end));
        }
      }
    }
    return count;
  }
}
