package io.github.bisearch.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhResultTest {
  private static final String SINGLE_SHOT =
      "[{\"benchmark\":\"io.github.bisearch.benchmarks.IndexingBenchmark.bisearch\","
          + "\"mode\":\"ss\",\"forks\":1,\"warmupIterations\":0,\"measurementIterations\":1,"
          + "\"params\":{\"indexedCorpus\":\"10k\"},"
          + "\"primaryMetric\":{\"score\":2.5,\"scoreError\":\"NaN\",\"scoreUnit\":\"s/op\"},"
          + "\"secondaryMetrics\":{}}]";

  @Test
  void readsNameParamsAndScoreWithoutPercentiles() {
    JmhResult result = JmhResult.parse(SINGLE_SHOT).get(0);
    assertEquals("IndexingBenchmark.bisearch", result.benchmark());
    assertEquals(Map.of("indexedCorpus", "10k"), result.params());
    assertEquals(
        List.of(2.5, Double.NaN, Double.NaN),
        List.of(result.score(), result.error(), result.median()));
  }

  @Test
  void readsEveryIterationForkAfterFork() {
    assertEquals(List.of(), JmhResult.parse(SINGLE_SHOT).get(0).iterations());
    String twoForks =
        SINGLE_SHOT.replace(
            "\"scoreUnit\":\"s/op\"}", "\"scoreUnit\":\"s/op\",\"rawData\":[[3.0,2.0],[1.5]]}");
    assertEquals(List.of(3.0, 2.0, 1.5), JmhResult.parse(twoForks).get(0).iterations());
  }

  @Test
  void convertsSecondsPerOperationToMicroseconds() {
    assertEquals(2_500_000.0, JmhResult.parse(SINGLE_SHOT).get(0).micros());
  }
}
