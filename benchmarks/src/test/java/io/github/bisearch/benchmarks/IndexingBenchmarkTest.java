package io.github.bisearch.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexingBenchmarkTest {
  @Test
  void warmUpShotsIndexATenthOfTheMeasuredCorpusOrTheSmallestItself() {
    assertEquals(
        List.of("100k", "10k", "10k", "bundled"),
        List.of("1m", "100k", "10k", "bundled").stream()
            .map(IndexingBenchmark::warmupCorpus)
            .toList());
  }
}
