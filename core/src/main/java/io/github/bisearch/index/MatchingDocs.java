package io.github.bisearch.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/** Walks the live documents that match a query in index order, to read their stored fields. */
final class MatchingDocs {
  /** What is done with each document: {@code doc} is its id in the whole index. */
  @FunctionalInterface
  interface Visitor {
    void visit(int doc) throws IOException;
  }

  private MatchingDocs() {}

  /** Calls {@code visitor} with every live document of {@code searcher} matching {@code query}. */
  static void forEach(IndexSearcher searcher, Query query, Visitor visitor) throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      // A scorer also walks deleted documents: only the leaf's live documents count.
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          visitor.visit(leaf.docBase + doc);
        }
      }
    }
  }
}
