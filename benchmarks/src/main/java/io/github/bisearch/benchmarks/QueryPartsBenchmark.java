package io.github.bisearch.benchmarks;

import io.github.bisearch.Hit;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.EntryIndex;
import io.github.bisearch.query.BilingualQueryBuilder;
import io.github.bisearch.query.BuiltQuery;
import io.github.bisearch.search.EntrySearcher;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
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
 * The parts of one end-to-end search, each measured alone with the inputs of the others prepared in
 * setup: query analysis and translation, the search for the top 10, and highlighting with hit
 * assembly. Their sum is close to, not equal to, {@link QueryLatencyBenchmark#bisearch}. The
 * searcher is bisearch's own (with its term cache), as in the end-to-end benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx3g", "-Xss8m"})
public class QueryPartsBenchmark {
  @Param({"bundled:target", "10k:mixed", "1m:mixed", "1m:cross"})
  public String partsWorkload;

  private String[] queries;
  private BuiltQuery[] built;
  private TopDocs[] top;
  private int next;
  private BilingualQueryBuilder builder;
  private EntryIndex index;
  private IndexSearcher searcher;

  @Setup
  public void setUp() throws IOException {
    Workload work = Workload.parse(partsWorkload);
    Fixtures.ensure(work.corpus());
    queries = work.queries().toArray(String[]::new);
    builder = new BilingualQueryBuilder(Glossary.builtIn(), true);
    index = EntryIndex.open(Fixtures.index(work.corpus()), false);
    searcher = index.acquire();
    built = new BuiltQuery[queries.length];
    top = new TopDocs[queries.length];
    for (int i = 0; i < queries.length; i++) {
      built[i] = builder.build(queries[i]);
      top[i] = EntrySearcher.top(searcher, built[i], QueryLatencyBenchmark.TOP);
    }
  }

  @TearDown
  public void tearDown() {
    index.release(searcher);
    index.close();
  }

  private int nextQuery() {
    int i = next;
    next = i + 1 == queries.length ? 0 : i + 1;
    return i;
  }

  /** Query string to Lucene query: parsing, analysis, glossary translation. */
  @Benchmark
  public BuiltQuery analysis() {
    return builder.build(queries[nextQuery()]);
  }

  /** The top 10 for a built query, ranked by concepts covered, then score. */
  @Benchmark
  public TopDocs search() throws IOException {
    int i = nextQuery();
    return EntrySearcher.top(searcher, built[i], QueryLatencyBenchmark.TOP);
  }

  /** Stored fields, snippets and match provenance for the top 10. */
  @Benchmark
  public List<Hit> highlight() throws IOException {
    int i = nextQuery();
    return EntrySearcher.hits(searcher, built[i], top[i]);
  }
}
