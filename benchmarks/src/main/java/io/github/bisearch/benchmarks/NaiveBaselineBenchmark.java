package io.github.bisearch.benchmarks;

import io.github.bisearch.BiSearch;
import io.github.bisearch.eval.BaselineEngine;
import io.github.bisearch.eval.RankedResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine people build first, on the same entries: one SmartChineseAnalyzer field in memory, the
 * query's words OR-ed, top 10 with their stored provenance and no snippets. Compare with {@link
 * QueryLatencyBenchmark#bisearch} on the same workload. The in-memory index is built in each fork's
 * setup, so the workloads stop at 10k entries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx3g", "-Xss8m"})
public class NaiveBaselineBenchmark {
  @Param({
    "bundled:target",
    "bundled:mixed",
    "bundled:cross",
    "bundled:phrase",
    "10k:mixed",
    "10k:cross"
  })
  public String naiveWorkload;

  private String[] queries;
  private int next;
  private BaselineEngine engine;

  @Setup
  public void setUp() {
    Workload work = Workload.parse(naiveWorkload);
    Fixtures.ensure(work.corpus());
    queries = work.queries().toArray(String[]::new);
    try (BiSearch bisearch =
        BiSearch.builder().directory(Fixtures.index(work.corpus())).create(false).build()) {
      engine = BaselineEngine.smartChinese(bisearch.entries());
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    engine.close();
  }

  /** Top 10 of the naive single-field engine. */
  @Benchmark
  public List<RankedResult> smartChineseSingleField() {
    String query = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    return engine.rank(query, QueryLatencyBenchmark.TOP);
  }
}
