package io.github.bisearch.benchmarks;

import io.github.bisearch.BiSearch;
import io.github.bisearch.SearchResult;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.query.BilingualQueryBuilder;
import io.github.bisearch.query.BuiltQuery;
import io.github.bisearch.query.CoverageFirst;
import io.github.bisearch.query.QueryConcept;
import io.github.bisearch.search.EntrySearcher;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * End-to-end query latency (query string to the top 10 hits with snippets) next to its floor: raw
 * Lucene running the very query bisearch builds, prepared once, on the same index. Each call
 * searches the next query of the workload's class, so a score is the mean over its queries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx3g", "-Xss8m"})
public class QueryLatencyBenchmark {
  static final int TOP = 10;

  @Param({
    "bundled:target",
    "bundled:mixed",
    "bundled:cross",
    "bundled:phrase",
    "10k:chinese",
    "10k:english",
    "10k:mixed",
    "10k:cross",
    "10k:phrase",
    "100k:mixed",
    "100k:cross",
    "1m:chinese",
    "1m:mixed",
    "1m:cross"
  })
  public String workload;

  private String[] queries;
  private Query[] built;

  /** bisearch's first search for each query on this index, or null: see {@link #floorTop}. */
  private CoverageFirst[] first;

  private Query[] oneTermPerConcept;
  private int next;
  private BiSearch bisearch;
  private DirectoryReader reader;
  private IndexSearcher lucene;
  private ExecutorService pool;

  private static final ThreadFactory DAEMONS =
      task -> {
        Thread thread = new Thread(task, "lucene-floor-search");
        thread.setDaemon(true);
        return thread;
      };

  @Setup
  public void setUp() throws IOException {
    Workload work = Workload.parse(workload);
    Fixtures.ensure(work.corpus());
    queries = work.queries().toArray(String[]::new);
    bisearch = BiSearch.builder().directory(Fixtures.index(work.corpus())).create(false).build();
    reader = DirectoryReader.open(FSDirectory.open(Fixtures.index(work.corpus())));
    // As many threads per search as bisearch uses: Lucene's own slicing, with the calling thread
    // and one pool thread per further core (bisearch searches a small index in the calling thread
    // alone, and Lucene then makes one slice too).
    int cores = Math.min(Runtime.getRuntime().availableProcessors(), 4);
    pool = cores > 1 ? Executors.newFixedThreadPool(cores - 1, DAEMONS) : null;
    lucene = pool == null ? new IndexSearcher(reader) : new IndexSearcher(reader, pool);
    lucene.setQueryCache(null); // as bisearch's own searchers: every call really searches
    BilingualQueryBuilder builder = new BilingualQueryBuilder(Glossary.builtIn(), true);
    built = new Query[queries.length];
    first = new CoverageFirst[queries.length];
    oneTermPerConcept = new Query[queries.length];
    long matched = 0;
    for (int i = 0; i < queries.length; i++) {
      BuiltQuery query = builder.build(queries[i]);
      built[i] = query.query();
      if (reader.maxDoc() >= EntrySearcher.COVERAGE_FIRST_MIN_DOCS) {
        first[i] = CoverageFirst.of(query.rewritten(lucene));
      }
      oneTermPerConcept[i] = oneTermPerConcept(builder.concepts(queries[i]));
      SearchResult result = bisearch.search(queries[i], TOP);
      long found = lucene.count(built[i]);
      // Past EntrySearcher.EXACT_TOTAL_UP_TO matches, bisearch's total is a lower bound.
      if (result.totalExact() ? found != result.total() : found < result.total()) {
        throw new IllegalStateException(
            workload
                + ": "
                + queries[i]
                + " finds "
                + result.total()
                + " entries, raw Lucene "
                + found);
      }
      matched += found;
    }
    if (matched == 0) {
      throw new IllegalStateException(workload + ": no query finds anything");
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    reader.close();
    bisearch.close();
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private int nextQuery() {
    int i = next;
    next = i + 1 == queries.length ? 0 : i + 1;
    return i;
  }

  /** bisearch end to end: analysis, translation, search, ranking, snippets. */
  @Benchmark
  public SearchResult bisearch() {
    return bisearch.search(queries[nextQuery()], TOP);
  }

  /**
   * Raw Lucene's top 10 for the same final query, searched as bisearch searches it: on a large
   * index, first without the parts clauses, and again with them unless the first search's top 10
   * all cover every concept ({@link CoverageFirst}).
   */
  private TopDocs floorTop(int i) throws IOException {
    if (first[i] != null) {
      TopDocs top = lucene.search(first[i].query(), TOP);
      if (first[i].isFinal(top, TOP)) {
        return top;
      }
    }
    return lucene.search(built[i], TOP);
  }

  /** The floor: raw Lucene's top 10 for the same final query, with their stored documents. */
  @Benchmark
  public void luceneFloor(Blackhole sink) throws IOException {
    TopDocs top = floorTop(nextQuery());
    StoredFields stored = lucene.storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      Document doc = stored.document(hit.doc);
      sink.consume(doc);
    }
  }

  /**
   * The least a search for the same concepts can cost in Lucene: each concept as one term (a
   * glossary concept by its id in the concept field, other words as the text's words), OR-ed, top
   * 10 by BM25, documents not loaded. No parts of terms, no ranking by coverage.
   */
  static Query oneTermPerConcept(List<QueryConcept> concepts) {
    QueryBuilder words = new QueryBuilder(IndexSchema.wordsAnalyzer());
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (QueryConcept concept : concepts) {
      String[] ids = Glossary.builtIn().conceptIds(concept.original());
      Query query =
          ids != null
              ? new TermQuery(new Term(IndexSchema.CONCEPTS, ids[0]))
              : words.createBooleanQuery(IndexSchema.words(IndexSchema.TEXT), concept.original());
      if (query != null) {
        any.add(query, BooleanClause.Occur.SHOULD);
      }
    }
    return any.build();
  }

  /** The one-term-per-concept query ({@link #oneTermPerConcept}): raw Lucene's top 10. */
  @Benchmark
  public TopDocs luceneOneTermPerConcept() throws IOException {
    return lucene.search(oneTermPerConcept[nextQuery()], TOP);
  }

  /** Raw Lucene's top 10 for the same final query, documents not loaded. */
  @Benchmark
  public TopDocs luceneTopDocs() throws IOException {
    return floorTop(nextQuery());
  }
}
