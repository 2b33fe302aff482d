package io.github.bisearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Keeps the best documents ranked first by how many query concepts they match (coverage), then by
 * score, then by index order; counts all matches.
 *
 * <p>Entries that match every concept of {@code 虚拟机 hypervisor} come before entries that match one
 * concept very often, as people expect of a search box. Coverage is found by stepping each
 * concept's own iterator forward to the collected document, which Lucene delivers in increasing
 * order within a segment.
 */
final class CoverageCollector implements Collector {
  /** A collected document. */
  record Ranked(int doc, int coverage, float score) {}

  static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparingInt(Ranked::coverage)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Ranked::score).reversed())
          .thenComparingInt(Ranked::doc);

  private final List<Weight> concepts;
  private final int limit;

  /** The worst kept document on top. */
  private final PriorityQueue<Ranked> queue;

  private long total;

  /** Concepts that some collected document covered. */
  private final BitSet covered = new BitSet();

  CoverageCollector(List<Weight> concepts, int limit) {
    this.concepts = concepts;
    this.limit = limit;
    this.queue = new PriorityQueue<>(Math.min(limit, 1024) + 1, BEST_FIRST.reversed());
  }

  long total() {
    return total;
  }

  /** The indexes of the concepts that at least one collected document covered. */
  BitSet covered() {
    return (BitSet) covered.clone();
  }

  /** The kept documents, best first. */
  List<Ranked> ranked() {
    List<Ranked> out = new ArrayList<>(queue);
    out.sort(BEST_FIRST);
    return out;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    DocIdSetIterator[] iterators = new DocIdSetIterator[concepts.size()];
    for (int i = 0; i < iterators.length; i++) {
      Scorer scorer = concepts.get(i).scorer(context);
      iterators[i] = scorer == null ? null : scorer.iterator();
    }
    int docBase = context.docBase;
    return new LeafCollector() {
      private Scorable scorer;

      @Override
      public void setScorer(Scorable scorer) {
        this.scorer = scorer;
      }

      @Override
      public void collect(int doc) throws IOException {
        total++;
        int coverage = 0;
        for (int i = 0; i < iterators.length; i++) {
          DocIdSetIterator iterator = iterators[i];
          if (iterator == null) {
            continue;
          }
          int at = iterator.docID();
          if (at < doc) {
            at = iterator.advance(doc);
          }
          if (at == doc) {
            coverage++;
            covered.set(i);
          }
        }
        Ranked ranked = new Ranked(docBase + doc, coverage, scorer.score());
        if (queue.size() < limit) {
          queue.add(ranked);
        } else if (BEST_FIRST.compare(ranked, queue.peek()) < 0) {
          queue.poll();
          queue.add(ranked);
        }
      }
    };
  }
}
