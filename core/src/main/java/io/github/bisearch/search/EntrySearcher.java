package io.github.bisearch.search;

import io.github.bisearch.Hit;
import io.github.bisearch.Language;
import io.github.bisearch.Match;
import io.github.bisearch.Snippet;
import io.github.bisearch.Snippet.Range;
import io.github.bisearch.index.EntryDocuments;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.index.SlicedSearcher;
import io.github.bisearch.ingest.Entry;
import io.github.bisearch.query.BuiltQuery;
import io.github.bisearch.query.ConceptQuery;
import io.github.bisearch.query.CoverageFirst;
import io.github.bisearch.query.Provenance;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Runs a query and turns the top documents into {@link Hit hits} with snippets.
 *
 * <p>The query ranks by itself (see {@link ConceptQuery}), so a search is one pass of Lucene's top
 * scoring collector with dynamic pruning; on a large index, two at most (see {@link
 * CoverageFirst}). One weight serves the search and each hit's matches; the matches give both the
 * snippet's highlights and which alternatives the hit contains.
 */
public final class EntrySearcher {
  /**
   * Matches are counted exactly up to this number; past it, entries that cannot reach the top may
   * be skipped uncounted and the total is a lower bound.
   */
  public static final int EXACT_TOTAL_UP_TO = 1_000;

  /**
   * Segments this small are scored document by document: Lucene's bulk scorers set up windows of
   * thousands of documents, which costs more than scoring all of a small segment.
   */
  static final int SMALL_SEGMENT = 4_096;

  private EntrySearcher() {}

  private static void scoreOneByOne(Weight weight, LeafReaderContext leaf, LeafCollector collector)
      throws IOException {
    Scorer scorer = weight.scorer(leaf);
    if (scorer == null) {
      return;
    }
    collector.setScorer(scorer);
    Bits live = leaf.reader().getLiveDocs();
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    DocIdSetIterator docs = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if ((live == null || live.get(doc)) && (twoPhase == null || twoPhase.matches())) {
        collector.collect(doc);
      }
    }
  }

  /**
   * The total count (exact, or a lower bound past {@link #EXACT_TOTAL_UP_TO}) and the best hits of
   * one search.
   */
  public record Found(long total, boolean totalExact, List<Hit> hits) {}

  /**
   * Searches {@code searcher} for {@code query} and returns up to {@code limit} hits, best first:
   * entries covering more of the query's concepts first, then by relevance, then in index order.
   */
  public static Found search(IndexSearcher searcher, BuiltQuery query, int limit)
      throws IOException {
    if (limit <= 0) {
      return new Found(searcher.count(query.query()), true, List.of());
    }
    Query rewritten = query.rewritten(searcher);
    TopDocs top = best(searcher, rewritten, limit);
    return new Found(
        top.totalHits.value,
        top.totalHits.relation == TotalHits.Relation.EQUAL_TO,
        hits(searcher, query, rewritten, null, top));
  }

  /** The best {@code limit} documents for {@code query}, as {@link #search} ranks them. */
  public static TopDocs top(IndexSearcher searcher, BuiltQuery query, int limit)
      throws IOException {
    return best(searcher, query.rewritten(searcher), Math.max(1, limit));
  }

  /** The best {@code limit} documents for {@code rewritten}. */
  private static TopDocs best(IndexSearcher searcher, Query rewritten, int limit)
      throws IOException {
    return best(searcher, rewritten, limit, COVERAGE_FIRST_MIN_DOCS);
  }

  /**
   * Indexes with this many documents or more are searched first without the query's parts clauses
   * (see {@link CoverageFirst}). There, many entries cover every concept of a query, and scoring
   * their parts for nothing takes a third of the search; in a small index, the best hits often
   * cover fewer concepts, and a second search would cost more than the parts do.
   */
  public static final int COVERAGE_FIRST_MIN_DOCS = 100_000;

  /**
   * The best {@code limit} documents for {@code rewritten}, searched first without its parts
   * clauses when the index has {@code coverageFirstMinDocs} documents or more.
   */
  static TopDocs best(IndexSearcher searcher, Query rewritten, int limit, int coverageFirstMinDocs)
      throws IOException {
    if (searcher.getIndexReader().maxDoc() >= coverageFirstMinDocs) {
      CoverageFirst first = CoverageFirst.of(rewritten);
      if (first != null) {
        TopDocs top =
            collect(searcher, searcher.createWeight(first.query(), SCORE_MODE, 1f), limit);
        if (first.isFinal(top, limit)) {
          return top;
        }
      }
    }
    return collect(searcher, searcher.createWeight(rewritten, SCORE_MODE, 1f), limit);
  }

  /** The hits, with snippets and provenance, for documents that {@link #top} found. */
  public static List<Hit> hits(IndexSearcher searcher, BuiltQuery query, TopDocs top)
      throws IOException {
    return hits(searcher, query, query.rewritten(searcher), null, top);
  }

  /**
   * How the collectors score: only the best {@code limit} hits matter, and counting stops at {@link
   * #EXACT_TOTAL_UP_TO}, so Lucene may skip entries that cannot make the top.
   */
  private static final ScoreMode SCORE_MODE = ScoreMode.TOP_SCORES;

  private static TopScoreDocCollectorManager manager(int limit, boolean concurrent) {
    return new TopScoreDocCollectorManager(
        limit, null, Math.max(limit, EXACT_TOTAL_UP_TO), concurrent);
  }

  /**
   * The best {@code limit} documents for {@code weight}: the searcher's slices each in a thread of
   * the searcher's executor (the calling thread takes one), sharing the lowest score still worth
   * collecting, and merged; ties go to the earlier document, as in one thread.
   */
  private static TopDocs collect(IndexSearcher searcher, Weight weight, int limit)
      throws IOException {
    IndexSearcher.LeafSlice[] slices = searcher.getSlices();
    if (slices.length <= 1) {
      TopScoreDocCollector collector = manager(limit, false).newCollector();
      collect(searcher.getIndexReader().leaves(), weight, collector);
      return collector.topDocs();
    }
    TopScoreDocCollectorManager manager = manager(limit, true);
    List<TopScoreDocCollector> collectors = new ArrayList<>(slices.length);
    List<Callable<Void>> tasks = new ArrayList<>(slices.length);
    for (IndexSearcher.LeafSlice slice : slices) {
      TopScoreDocCollector collector = manager.newCollector();
      collectors.add(collector);
      List<LeafReaderContext> leaves = Arrays.asList(slice.leaves);
      tasks.add(
          () -> {
            collect(leaves, weight, collector);
            return null;
          });
    }
    TaskExecutor executor =
        searcher instanceof SlicedSearcher sliced
            ? sliced.slicesExecutor()
            : searcher.getTaskExecutor();
    executor.invokeAll(tasks);
    // Merged by score, equal scores by document (not by slice: a slice may hold a later segment
    // before an earlier one).
    return manager.reduce(collectors);
  }

  private static void collect(
      List<LeafReaderContext> leaves, Weight weight, TopScoreDocCollector collector)
      throws IOException {
    for (LeafReaderContext leaf : leaves) {
      LeafCollector leafCollector;
      try {
        leafCollector = collector.getLeafCollector(leaf);
      } catch (CollectionTerminatedException e) {
        continue;
      }
      try {
        if (leaf.reader().maxDoc() <= SMALL_SEGMENT) {
          scoreOneByOne(weight, leaf, leafCollector);
        } else {
          BulkScorer scorer = weight.bulkScorer(leaf);
          if (scorer != null) {
            scorer.score(leafCollector, leaf.reader().getLiveDocs());
          }
        }
      } catch (CollectionTerminatedException e) {
        // the collector needs no more documents from this segment
      }
      leafCollector.finish();
    }
  }

  /**
   * The hits for {@code top}; {@code weight}, needed only for the rare query whose leaves {@link
   * Highlights} cannot match, may be null (one is made then).
   */
  private static List<Hit> hits(
      IndexSearcher searcher, BuiltQuery query, Query rewritten, Weight weight, TopDocs top)
      throws IOException {
    ScoreDoc[] docs = top.scoreDocs;
    if (docs.length == 0) {
      return List.of();
    }
    Provenance provenance = Provenance.of(searcher, query);
    StoredFields stored = storedFields(searcher);
    // The hits in index order: documents stored in one compressed block are read from it in a
    // row, and highlighting steps through each segment's postings once.
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
    Document[] documents = new Document[docs.length];
    for (int i : order) {
      documents[i] = stored.document(docs[i].doc);
    }
    Highlights highlights = Highlights.of(rewritten);
    Highlights.Found[] found =
        highlights.handles()
            ? batched(searcher, highlights, docs, order, documents, provenance)
            : oneByOne(searcher, rewritten, weight, docs, documents, provenance);
    List<BuiltQuery.Alternative> alternatives = query.alternatives();
    List<Hit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      BitSet shown = found[i].alternatives();
      List<Match> matched = new ArrayList<>(shown.cardinality());
      for (int a = shown.nextSetBit(0); a >= 0; a = shown.nextSetBit(a + 1)) {
        BuiltQuery.Alternative alternative = alternatives.get(a);
        matched.add(new Match(alternative.concept(), alternative.term(), alternative.via().code()));
      }
      hits.add(hit(documents[i], ConceptQuery.relevance(docs[i].score), found[i], matched));
    }
    return hits;
  }

  /**
   * The stored fields of the reader this thread last read documents from, kept per thread: making
   * them clones the inputs of every segment, which costs more than reading a few documents. A
   * reader another search replaced is only weakly held.
   */
  private static final ThreadLocal<LastStoredFields> LAST_STORED = new ThreadLocal<>();

  private record LastStoredFields(WeakReference<IndexReader> reader, StoredFields fields) {}

  private static StoredFields storedFields(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    LastStoredFields last = LAST_STORED.get();
    if (last != null && last.reader().get() == reader) {
      return last.fields();
    }
    StoredFields fields = searcher.storedFields();
    LAST_STORED.set(new LastStoredFields(new WeakReference<>(reader), fields));
    return fields;
  }

  /**
   * Matches of all hits, segment by segment, each segment's hits in document order; {@code order}
   * holds the hits' places in {@code docs} sorted by document.
   */
  private static Highlights.Found[] batched(
      IndexSearcher searcher,
      Highlights highlights,
      ScoreDoc[] docs,
      Integer[] order,
      Document[] documents,
      Provenance provenance)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Highlights.Found[] found = new Highlights.Found[docs.length];
    int from = 0;
    while (from < order.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[from]].doc, leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      int to = from;
      while (to < order.length && docs[order[to]].doc < end) {
        to++;
      }
      int[] inLeaf = new int[to - from];
      Document[] stored = new Document[to - from];
      for (int i = from; i < to; i++) {
        inLeaf[i - from] = docs[order[i]].doc - leaf.docBase;
        stored[i - from] = documents[order[i]];
      }
      Highlights.Found[] ofLeaf = highlights.find(leaf, inLeaf, stored, provenance);
      for (int i = from; i < to; i++) {
        found[order[i]] = ofLeaf[i - from];
      }
      from = to;
    }
    return found;
  }

  /** Matches hit by hit through Lucene's matches API, for queries with other kinds of leaves. */
  private static Highlights.Found[] oneByOne(
      IndexSearcher searcher,
      Query rewritten,
      Weight weight,
      ScoreDoc[] docs,
      Document[] documents,
      Provenance provenance)
      throws IOException {
    Weight matching =
        weight != null
            ? weight
            : searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Highlights.Found[] found = new Highlights.Found[docs.length];
    for (int i = 0; i < docs.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
      Matches matches = matching.matches(leaf, docs[i].doc - leaf.docBase);
      Map<String, List<Range>> ranges = new HashMap<>();
      BitSet shown = new BitSet();
      if (matches != null) {
        for (String field : matches) {
          MatchesIterator it = matches.getMatches(field);
          if (it == null) {
            continue;
          }
          String storedField = IndexSchema.storedFieldOf(field);
          String text = documents[i].get(storedField);
          List<Range> list = ranges.computeIfAbsent(storedField, k -> new ArrayList<>());
          while (it.next()) {
            int start = it.startOffset();
            String matched = "";
            if (start >= 0) { // a field without offsets (section, url) still shows provenance
              list.add(new Range(start, it.endOffset()));
              if (text != null && it.endOffset() <= text.length()) {
                matched = text.substring(start, it.endOffset());
              }
            }
            provenance.addAlternatives(it.getQuery(), field, matched, shown);
          }
        }
      }
      found[i] = new Highlights.Found(ranges, shown);
    }
    return found;
  }

  private static Hit hit(Document doc, float score, Highlights.Found found, List<Match> matched) {
    Entry entry = EntryDocuments.fromDocument(doc);
    // The snippet comes from the text, or from the title of an entry without text.
    String field = entry.text().isEmpty() ? IndexSchema.TITLE : IndexSchema.TEXT;
    String shown = entry.text().isEmpty() ? entry.title() : entry.text();
    Highlights.resolve(found, field, shown);
    Snippet snippet = Snippets.cut(shown, found.ranges().getOrDefault(field, List.of()));
    return new Hit(
        doc.get(IndexSchema.ID),
        score,
        entry.title(),
        entry.url(),
        entry.section(),
        entry.text(),
        snippet,
        entry.source(),
        entry.line(),
        Language.fromCode(doc.get(IndexSchema.LANG)),
        entry.date(),
        entry.links(),
        matched);
  }
}
