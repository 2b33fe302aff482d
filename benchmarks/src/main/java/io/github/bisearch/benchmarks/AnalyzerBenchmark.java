package io.github.bisearch.benchmarks;

import io.github.bisearch.analysis.BigramAnalyzer;
import io.github.bisearch.analysis.WordsAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of each analysis chain over the bundled corpus, next to SmartChineseAnalyzer alone.
 * Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar Analyzer}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class AnalyzerBenchmark {
  private String text;
  private Analyzer words;
  private Analyzer bigrams;
  private Analyzer smartcn;

  @Setup
  public void setUp() {
    try {
      text = Files.readString(Path.of("corpus", "docker-awesome.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("run from the repository root", e);
    }
    words = new WordsAnalyzer();
    bigrams = new BigramAnalyzer();
    smartcn = new SmartChineseAnalyzer();
  }

  @Benchmark
  public void smartChineseBaseline(Blackhole sink) throws IOException {
    consume(smartcn, sink);
  }

  @Benchmark
  public void wordsChain(Blackhole sink) throws IOException {
    consume(words, sink);
  }

  @Benchmark
  public void bigramChain(Blackhole sink) throws IOException {
    consume(bigrams, sink);
  }

  private void consume(Analyzer analyzer, Blackhole sink) throws IOException {
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        sink.consume(term.length());
      }
      stream.end();
    }
  }
}
