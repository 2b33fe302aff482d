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
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of each of bisearch's analysis chains over the bundled corpus's markdown, next to
 * SmartChineseAnalyzer alone. The primary score is whole texts per second; the {@code chars}
 * counter is characters per second. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
public class AnalyzerBenchmark {
  private String text;
  private Analyzer words;
  private Analyzer bigrams;
  private Analyzer smartcn;

  /** Counts the characters analysed; JMH reports the count per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Chars {
    public long chars;

    @Setup(Level.Iteration)
    public void reset() {
      chars = 0;
    }
  }

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
  public void smartChineseBaseline(Chars chars, Blackhole sink) throws IOException {
    consume(smartcn, chars, sink);
  }

  @Benchmark
  public void wordsChain(Chars chars, Blackhole sink) throws IOException {
    consume(words, chars, sink);
  }

  @Benchmark
  public void bigramChain(Chars chars, Blackhole sink) throws IOException {
    consume(bigrams, chars, sink);
  }

  private void consume(Analyzer analyzer, Chars chars, Blackhole sink) throws IOException {
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        sink.consume(term.length());
      }
      stream.end();
    }
    chars.chars += text.length();
  }
}
