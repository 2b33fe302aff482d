package io.github.bisearch.search;

import io.github.bisearch.Snippet.Range;
import io.github.bisearch.analysis.TextNormalizer;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.query.ConceptQuery;
import io.github.bisearch.query.LeafQueries;
import io.github.bisearch.query.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
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
 * per segment and its postings stepped through the hits in document order. Glossary terms are not
 * looked up at all: they are found in the stored text of the hits, as the index found them.
 *
 * <p>Lucene's {@code Weight.matches} answers the same question one document at a time, opening the
 * postings of every leaf of the query for every hit; with a query of a hundred leaves and ten hits
 * that costs more than the search. Terms, exact phrases and synonym groups (the leaves bisearch
 * builds) are matched here; a query with other leaves says so through {@link #handles}.
 */
final class Highlights {
  /**
   * What matched in each hit: offsets by stored field, the alternatives found, and by stored field
   * what matched in fields without offsets, to be found in the stored text ({@link #resolve}).
   */
  record Found(Map<String, List<Range>> ranges, BitSet alternatives, Map<String, Sought> sought) {
    Found(Map<String, List<Range>> ranges, BitSet alternatives) {
      this(ranges, alternatives, new HashMap<>());
    }
  }

  /**
   * Text to find in a stored field: runs of Han characters, matched through fields that keep no
   * offsets (bigrams).
   */
  static final class Sought {
    private final Set<String> han = new LinkedHashSet<>();
  }

  /** A leaf of the query: one term, an exact phrase, or a group of synonyms (each a term alone). */
  private record Leaf(
      Query query, Term[] terms, int[] positions, boolean synonyms, Glossary.KeyFinder[] keys) {
    Leaf(Query query, Term[] terms, int[] positions, boolean synonyms) {
      this(query, terms, positions, synonyms, keys(terms));
    }

    /** Finders of the terms, made once, for glossary terms that are looked for in text. */
    private static Glossary.KeyFinder[] keys(Term[] terms) {
      if (!IndexSchema.isGlossaryTerms(terms[0].field())) {
        return null;
      }
      Glossary.KeyFinder[] keys = new Glossary.KeyFinder[terms.length];
      for (int i = 0; i < terms.length; i++) {
        keys[i] = Glossary.finder(terms[i].text());
      }
      return keys;
    }
  }

  private final List<Leaf> leaves = new ArrayList<>();
  private boolean unknown;

  private Highlights(Query query) {
    add(query);
  }

  private Highlights(List<Leaf> leaves) {
    this.leaves.addAll(leaves);
  }

  /**
   * The leaves of concept clauses seen before: a concept comes back in many queries, and its clause
   * is the same object each time (the query builder keeps it). The memory is bounded.
   */
  private static final Map<ConceptQuery, Highlights> OF_CONCEPT = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED = 10_000;

  /** Adds the leaves of {@code query}; a concept's leaves are known to it already. */
  private void add(Query query) {
    if (query instanceof BooleanQuery bool) {
      for (BooleanClause clause : bool) {
        if (clause.getOccur() != Occur.MUST_NOT) {
          add(clause.getQuery());
        }
      }
    } else if (query instanceof ConceptQuery concept) {
      Highlights known = OF_CONCEPT.get(concept);
      if (known == null) {
        known = new Highlights(List.of());
        for (Query leaf : concept.leaves()) {
          known.addLeaf(leaf);
        }
        if (OF_CONCEPT.size() >= MAX_REMEMBERED) {
          OF_CONCEPT.clear();
        }
        OF_CONCEPT.put(concept, known);
      }
      leaves.addAll(known.leaves);
      unknown |= known.unknown;
    } else {
      for (Query leaf : LeafQueries.of(query)) {
        addLeaf(leaf);
      }
    }
  }

  private void addLeaf(Query leaf) {
    if (leaf instanceof TermQuery term) {
      leaves.add(new Leaf(leaf, new Term[] {term.getTerm()}, new int[] {0}, false));
    } else if (leaf instanceof SynonymQuery synonyms) {
      Term[] terms = synonyms.getTerms().toArray(new Term[0]);
      leaves.add(new Leaf(leaf, terms, new int[terms.length], true));
    } else if (leaf instanceof PhraseQuery phrase && phrase.getSlop() == 0) {
      leaves.add(new Leaf(leaf, phrase.getTerms(), phrase.getPositions(), false));
    } else if (!(leaf instanceof MatchNoDocsQuery)) {
      unknown = true;
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

  /**
   * What matched in each of {@code docs} (sorted, in {@code leaf}'s segment, relative to it), whose
   * stored documents are {@code documents}, in the same order.
   */
  Found[] find(LeafReaderContext leaf, int[] docs, Document[] documents, Provenance provenance)
      throws IOException {
    Found[] found = new Found[docs.length];
    StoredText[] texts = new StoredText[docs.length];
    Map<String, String> normalized = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      found[i] = new Found(new HashMap<>(), new BitSet());
      texts[i] = new StoredText(documents[i], normalized);
    }
    Map<String, TermsEnum> termsEnums = new HashMap<>();
    for (Leaf query : leaves) {
      if (query.keys() != null) {
        matchInText(query, texts, found, provenance);
      } else {
        match(leaf, query, docs, found, provenance, termsEnums);
      }
    }
    return found;
  }

  /**
   * A hit's stored fields, normalized once when a glossary term is looked for in them; a section
   * that several hits share once for all of them.
   */
  private static final class StoredText {
    private final Document document;
    private final Map<String, String> shared;
    private final Map<String, String> normalized = new HashMap<>(4);
    private final Map<String, Boolean> sameLength = new HashMap<>(4);

    StoredText(Document document, Map<String, String> shared) {
      this.document = document;
      this.shared = shared;
    }

    /** The stored field as the index's analysis normalized it, or null when it is empty. */
    String normalized(String field) {
      return normalized.computeIfAbsent(
          field,
          f -> {
            String text = document.get(f);
            if (text == null || text.isEmpty()) {
              return null;
            }
            // Hits share sections, seldom anything else: hashing a long text costs more than
            // normalizing it.
            return f.equals(IndexSchema.SECTION)
                ? shared.computeIfAbsent(text, TextNormalizer::normalize)
                : TextNormalizer.normalize(text);
          });
    }

    /** Whether offsets in the normalized field are offsets in the stored text. */
    boolean sameLength(String field) {
      return sameLength.computeIfAbsent(
          field,
          f -> {
            String text = document.get(f);
            String folded = normalized(f);
            return text != null && folded != null && text.length() == folded.length();
          });
    }
  }

  /**
   * Matches a glossary-term leaf by finding its terms in the stored text of each hit: the index
   * found them there the same way ({@link Glossary#occurrences}), and reading the text of ten hits
   * costs less than looking the terms up in every segment.
   */
  private static void matchInText(
      Leaf query, StoredText[] texts, Found[] found, Provenance provenance) throws IOException {
    String stored = IndexSchema.storedFieldOf(query.terms()[0].field());
    for (int d = 0; d < texts.length; d++) {
      String normalized = texts[d].normalized(stored);
      if (normalized == null) {
        continue;
      }
      for (int t = 0; t < query.keys().length; t++) {
        List<Glossary.IndexedTerm> occurrences = query.keys()[t].occurrences(normalized);
        if (occurrences.isEmpty()) {
          continue;
        }
        if (texts[d].sameLength(stored)) {
          List<Range> ranges = found[d].ranges().computeIfAbsent(stored, k -> new ArrayList<>());
          for (Glossary.IndexedTerm occurrence : occurrences) {
            ranges.add(new Range(occurrence.start(), occurrence.end()));
          }
        }
        if (query.synonyms()) {
          provenance.addAlternatives(query.terms()[t], found[d].alternatives());
        } else {
          provenance.addAlternatives(query.query(), found[d].alternatives());
        }
      }
    }
  }

  /**
   * Adds to {@code found} the offsets in {@code field} of {@code doc} of what matched there without
   * offsets in the index: glossary terms found as the index found them, Han runs as they stand.
   * Text whose folding changes its length (rare letters whose lower case is longer) keeps only the
   * highlights the index gave.
   */
  static void resolve(Found found, String field, String text) {
    Sought sought = found.sought().get(field);
    if (sought == null || text == null) {
      return;
    }
    String normalized = TextNormalizer.normalize(text);
    if (normalized.length() != text.length()) {
      return;
    }
    List<Range> ranges = found.ranges().computeIfAbsent(field, k -> new ArrayList<>());
    for (String run : sought.han) {
      for (int at = normalized.indexOf(run); at >= 0; at = normalized.indexOf(run, at + 1)) {
        ranges.add(new Range(at, at + run.length()));
      }
    }
  }

  /** Matches one leaf in each of {@code docs}. */
  private static void match(
      LeafReaderContext leaf,
      Leaf query,
      int[] docs,
      Found[] found,
      Provenance provenance,
      Map<String, TermsEnum> termsEnums)
      throws IOException {
    String field = query.terms()[0].field();
    Terms terms = leaf.reader().terms(field);
    if (terms == null) {
      return;
    }
    // One enum per field serves every seek: making one costs more than a seek.
    TermsEnum termsEnum = termsEnums.get(field);
    if (termsEnum == null) {
      termsEnum = terms.iterator();
      termsEnums.put(field, termsEnum);
    }
    // Fields without offsets (section, url) still tell which alternatives a hit contains.
    int flags = terms.hasOffsets() ? PostingsEnum.OFFSETS : PostingsEnum.POSITIONS;
    String stored = IndexSchema.storedFieldOf(field);
    if (query.synonyms()) {
      for (Term term : query.terms()) {
        PostingsEnum[] postings = postings(termsEnum, new Term[] {term}, flags);
        if (postings != null) {
          match(term, new Term[] {term}, postings, new int[] {0}, docs, stored, provenance, found);
        }
      }
    } else {
      PostingsEnum[] postings = postings(termsEnum, query.terms(), flags);
      if (postings != null) {
        match(
            query.query(),
            query.terms(),
            postings,
            query.positions(),
            docs,
            stored,
            provenance,
            found);
      }
    }
  }

  /**
   * The postings of every term, or null when one of them is absent; a postings enum keeps its term
   * when the terms enum seeks another.
   */
  private static PostingsEnum[] postings(TermsEnum termsEnum, Term[] wanted, int flags)
      throws IOException {
    PostingsEnum[] postings = new PostingsEnum[wanted.length];
    for (int i = 0; i < wanted.length; i++) {
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
      Term[] terms,
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
        } else {
          seek(terms, stored, found[d]);
        }
        if (leaf instanceof Term term) {
          provenance.addAlternatives(term, found[d].alternatives());
        } else {
          provenance.addAlternatives((Query) leaf, found[d].alternatives());
        }
      }
    }
  }

  /**
   * Notes a match without offsets to find in the stored text: a phrase of Han bigrams (or a lone
   * character) as the run of characters it spells.
   */
  private static void seek(Term[] terms, String stored, Found found) {
    String field = terms[0].field();
    if (IndexSchema.isBigrams(field)) {
      StringBuilder run = new StringBuilder(terms[0].text());
      for (int i = 1; i < terms.length; i++) {
        String bigram = terms[i].text();
        run.append(bigram, bigram.offsetByCodePoints(0, 1), bigram.length());
      }
      found.sought().computeIfAbsent(stored, k -> new Sought()).han.add(run.toString());
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
