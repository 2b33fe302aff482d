package io.github.bisearch.benchmarks;

import io.github.bisearch.BiSearch;
import io.github.bisearch.IndexReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Time to index a whole generated corpus into a new index on disk, commit included: bisearch's
 * {@link BiSearch#add} as the library does it, and the single-field SmartChineseAnalyzer baseline
 * written by two threads. One shot indexes a million entries in minutes, so this runs one fork and
 * two measured shots without warm-up shots (the JIT warms up early in a shot). Entries/s and MB/s
 * are the corpus's entries and markdown bytes divided by the shot's time; the report reads them
 * from the fixtures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g", "-Xss8m"})
public class IndexingBenchmark {
  @Param({"1m"})
  public String indexedCorpus;

  private Path markdown;
  private Path target;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Fixtures.ensure(indexedCorpus);
    markdown = Fixtures.markdown(indexedCorpus);
    target = Fixtures.dir(indexedCorpus).resolve("indexing-benchmark");
  }

  /** Each shot starts from nothing: no index, so every file is new. */
  @Setup(Level.Iteration)
  public void emptyTarget() throws IOException {
    Fixtures.deleteTree(target);
    Files.createDirectories(target);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Fixtures.deleteTree(target);
  }

  /** bisearch: parse, analyse with both chains, write, commit. */
  @Benchmark
  public IndexReport bisearch() {
    try (BiSearch search = BiSearch.builder().directory(target).create(true).build()) {
      return search.add(markdown);
    }
  }

  /** The single-field SmartChineseAnalyzer baseline, two threads. */
  @Benchmark
  public long singleFieldTwoThreads() throws IOException {
    return SingleFieldIndexer.write(markdown, target, 2);
  }
}
