package io.github.bisearch.search;

import io.github.bisearch.Hit;
import io.github.bisearch.Language;
import io.github.bisearch.Match;
import io.github.bisearch.Snippet;
import io.github.bisearch.Snippet.Range;
import io.github.bisearch.index.EntryDocuments;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.ingest.Entry;
import io.github.bisearch.query.BuiltQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/** Runs a query and turns the top documents into {@link Hit hits} with snippets. */
public final class EntrySearcher {
  private EntrySearcher() {}

  /** The total count and the best hits of one search. */
  /**
   * The total count, the best hits, and which concepts (by their index in the query) some matching
   * entry covered; a concept not in {@code covered} may still match entries that the whole query
   * does not.
   */
  public record Found(long total, List<Hit> hits, BitSet covered) {}

  /**
   * Searches {@code searcher} for {@code query} and returns up to {@code limit} hits, best first:
   * entries matching more of the query's concepts first, then by score, then in index order.
   */
  public static Found search(IndexSearcher searcher, BuiltQuery query, int limit)
      throws IOException {
    if (limit <= 0) {
      return new Found(searcher.count(query.query()), List.of(), new BitSet());
    }
    List<Weight> concepts = new ArrayList<>(query.concepts().size());
    for (BuiltQuery.Clause concept : query.concepts()) {
      concepts.add(noScores(searcher, concept.coverage()));
    }
    CoverageCollector collector = new CoverageCollector(concepts, limit);
    searcher.search(query.query(), collector);
    List<CoverageCollector.Ranked> ranked = collector.ranked();
    if (ranked.isEmpty()) {
      return new Found(collector.total(), List.of(), collector.covered());
    }
    Weight weight = noScores(searcher, query.query());
    Map<Integer, List<Match>> provenance = provenance(searcher, query, ranked);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(ranked.size());
    for (CoverageCollector.Ranked doc : ranked) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc(), leaves));
      Matches matches = weight.matches(leaf, doc.doc() - leaf.docBase);
      hits.add(
          hit(
              stored.document(doc.doc()),
              doc.score(),
              matchedRanges(matches),
              provenance.getOrDefault(doc.doc(), List.of())));
    }
    return new Found(collector.total(), hits, collector.covered());
  }

  /**
   * For each hit, the alternatives (own words, translations, parts) it contains. Each alternative's
   * iterator is created once per segment and stepped through the hits in document order, which
   * costs far less than asking every alternative about every hit.
   */
  private static Map<Integer, List<Match>> provenance(
      IndexSearcher searcher, BuiltQuery query, List<CoverageCollector.Ranked> ranked)
      throws IOException {
    int[] docs = ranked.stream().mapToInt(CoverageCollector.Ranked::doc).sorted().toArray();
    Map<Integer, List<Match>> found = new HashMap<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (BuiltQuery.Alternative alternative : query.alternatives()) {
      Weight weight = noScores(searcher, alternative.query());
      Match match = new Match(alternative.concept(), alternative.term(), alternative.via().code());
      int leafIndex = -1;
      DocIdSetIterator iterator = null;
      for (int doc : docs) {
        int index = ReaderUtil.subIndex(doc, leaves);
        LeafReaderContext leaf = leaves.get(index);
        if (index != leafIndex) {
          leafIndex = index;
          Scorer scorer = weight.scorer(leaf);
          iterator = scorer == null ? null : scorer.iterator();
        }
        if (iterator == null) {
          continue;
        }
        int target = doc - leaf.docBase;
        int at = iterator.docID() < target ? iterator.advance(target) : iterator.docID();
        if (at == target) {
          found.computeIfAbsent(doc, d -> new ArrayList<>()).add(match);
        }
      }
    }
    return found;
  }

  private static Weight noScores(IndexSearcher searcher, Query query) throws IOException {
    return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  /** Offsets of what matched, by stored field. */
  private static Map<String, List<Range>> matchedRanges(Matches matches) throws IOException {
    Map<String, List<Range>> ranges = new HashMap<>();
    if (matches == null) {
      return ranges;
    }
    for (String field : matches) {
      MatchesIterator it = matches.getMatches(field);
      if (it == null) {
        continue;
      }
      List<Range> list =
          ranges.computeIfAbsent(IndexSchema.storedFieldOf(field), k -> new ArrayList<>());
      while (it.next()) {
        if (it.startOffset() >= 0) {
          list.add(new Range(it.startOffset(), it.endOffset()));
        }
      }
    }
    return ranges;
  }

  private static Hit hit(
      Document doc, float score, Map<String, List<Range>> ranges, List<Match> matched) {
    Entry entry = EntryDocuments.fromDocument(doc);
    Snippet snippet;
    if (!entry.text().isEmpty()) {
      snippet = Snippets.cut(entry.text(), ranges.getOrDefault(IndexSchema.TEXT, List.of()));
    } else {
      snippet = Snippets.cut(entry.title(), ranges.getOrDefault(IndexSchema.TITLE, List.of()));
    }
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
