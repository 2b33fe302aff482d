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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Time to index a whole generated corpus into a new index on disk, commit included: bisearch's
 * {@link BiSearch#add} as the library does it, and the single-field SmartChineseAnalyzer baseline
 * written by two threads. Entries/s and MB/s are the corpus's entries and markdown bytes divided by
 * a measured shot's time; the report reads them from the fixtures.
 *
 * <p>Each fork first indexes a smaller corpus ({@link #warmupCorpus}) a few times, as warm-up
 * shots: the first shot in a fresh JVM spends some 18 CPU-seconds compiling the indexing code on
 * the same two cores (a million entries took 80 s in a fresh JVM, 65 s once compiled), and warming
 * up on a million entries would take minutes a shot. The measured shots then index the full corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx4g", "-Xss8m"})
public class IndexingBenchmark {
  @Param({"1m"})
  public String indexedCorpus;

  private Path markdown;
  private Path warmupMarkdown;
  private Path shotMarkdown;
  private Path target;

  /**
   * The corpus that warm-up shots index: a tenth of the measured one (the 100k corpus for the
   * million), or the measured one itself when it is the smallest.
   */
  static String warmupCorpus(String corpus) {
    return switch (corpus) {
      case "1m" -> "100k";
      case "100k" -> "10k";
      default -> corpus;
    };
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Fixtures.ensure(indexedCorpus);
    Fixtures.ensure(warmupCorpus(indexedCorpus));
    markdown = Fixtures.markdown(indexedCorpus);
    warmupMarkdown = Fixtures.markdown(warmupCorpus(indexedCorpus));
    target = Fixtures.dir(indexedCorpus).resolve("indexing-benchmark");
  }

  /** Each shot starts from nothing: no index, so every file is new. */
  @Setup(Level.Iteration)
  public void emptyTarget(IterationParams iteration) throws IOException {
    shotMarkdown = iteration.getType() == IterationType.WARMUP ? warmupMarkdown : markdown;
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
      return search.add(shotMarkdown);
    }
  }

  /** The single-field SmartChineseAnalyzer baseline, two threads. */
  @Benchmark
  public long singleFieldTwoThreads() throws IOException {
    return SingleFieldIndexer.write(shotMarkdown, target, 2);
  }
}
