package io.github.bisearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.RandomText;
import io.github.bisearch.index.IndexSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.Attribute;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random text through both analysis chains, checked the way Lucene's {@code
 * BaseTokenStreamTestCase.checkRandomData} checks a chain: the attribute contract, offsets and
 * positions, and that reuse, chunked reading and concurrent use change nothing.
 *
 * <p>Replay a failure with {@code -Dtests.seed=N}, N being the seed in its message.
 */
class RandomAnalysisTest {
  private static final int TEXTS = 300;
  private static final int THREADS = 4;
  private static final int TEXTS_PER_THREAD = 120;

  /** Named, not passed as arguments: JUnit would close an argument that is AutoCloseable. */
  static Stream<String> chains() {
    return Stream.of("words", "bigrams");
  }

  private static Analyzer shared(String chain) {
    return chain.equals("words") ? IndexSchema.wordsAnalyzer() : IndexSchema.bigramAnalyzer();
  }

  /** One token as the stream left it. */
  record Token(String term, int start, int end, int posInc, int posLength, String type) {
    @Override
    public String toString() {
      return RandomText.describe(term) + "[" + start + "," + end + "]+" + posInc + "/" + posLength;
    }
  }

  /** The tokens of one text and what {@code end()} reported. */
  record Analysis(List<Token> tokens, int finalOffset, int finalPosInc) {}

  /**
   * Lucene's {@code CheckClearAttributesAttribute}: notes that {@code clearAttributes()} (or a
   * restored state) reset the attributes before a token or {@code end()}.
   */
  interface ClearedAttribute extends Attribute {
    boolean getAndResetCleared();
  }

  static final class ClearedAttributeImpl extends AttributeImpl implements ClearedAttribute {
    private boolean cleared;

    @Override
    public boolean getAndResetCleared() {
      boolean was = cleared;
      cleared = false;
      return was;
    }

    @Override
    public void clear() {
      cleared = true;
    }

    @Override
    public void copyTo(AttributeImpl target) {
      target.clear();
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
      reflector.reflect(ClearedAttribute.class, "cleared", cleared);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void randomTextKeepsTheTokenStreamContract(String chain) {
    Analyzer analyzer = shared(chain);
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    for (int i = 0; i < TEXTS; i++) {
      String text = random.text();
      Supplier<String> where = where(seed, chain, i, text);
      Analysis first = analyze(analyzer, new StringReader(text), text, where);
      // The same analyzer again, straight after: reset(), end() and close() left it clean.
      Analysis again = analyze(analyzer, new StringReader(text), text, where);
      assertEquals(first, again, () -> where.get() + ": second run differs");
    }
  }

  @Test
  void bigramTermsAreOneOrTwoHanCharacters() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    for (int i = 0; i < TEXTS; i++) {
      String text = random.text();
      Supplier<String> where = where(seed, "bigrams", i, text);
      for (String term : terms(shared("bigrams"), text, where)) {
        assertTrue(
            isOneOrTwoHan(term), () -> where.get() + ": not Han: " + RandomText.describe(term));
      }
    }
  }

  @Test
  void wordTermsAreLowerCaseAndHalfWidth() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    for (int i = 0; i < TEXTS; i++) {
      String text = random.text();
      Supplier<String> where = where(seed, "words", i, text);
      for (String term : terms(shared("words"), text, where)) {
        assertTrue(
            term.codePoints().allMatch(cp -> Character.toLowerCase(cp) == cp),
            () -> where.get() + ": not lower case: " + RandomText.describe(term));
        assertTrue(
            term.chars().noneMatch(c -> (c >= 0xFF01 && c <= 0xFF5E) || c == 0x3000),
            () -> where.get() + ": not width-folded: " + RandomText.describe(term));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void abandonedStreamDoesNotLeakIntoTheNext(String chain) throws IOException {
    Analyzer analyzer = shared(chain);
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    for (int i = 0; i < TEXTS; i++) {
      String text = random.text();
      Supplier<String> where = where(seed, chain, i, text);
      Analysis expected = analyze(analyzer, new StringReader(text), text, where);
      // Consume a few tokens, then close without end(), as a caller that gives up would.
      int stopAfter = random.random().nextInt(expected.tokens().size() + 1);
      try (TokenStream stream = analyzer.tokenStream("f", text)) {
        stream.reset();
        for (int t = 0; t < stopAfter; t++) {
          assertTrue(stream.incrementToken(), () -> where.get() + ": fewer tokens than before");
        }
      }
      String other = random.text();
      analyze(analyzer, new StringReader(other), other, where(seed, chain, i, other));
      assertEquals(
          expected,
          analyze(analyzer, new StringReader(text), text, where),
          () -> where.get() + ": tokens changed after an abandoned stream");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void readingInSmallChunksGivesTheSameTokens(String chain) {
    Analyzer analyzer = shared(chain);
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    for (int i = 0; i < TEXTS; i++) {
      String text = random.text();
      Supplier<String> where = where(seed, chain, i, text);
      Analysis whole = analyze(analyzer, new StringReader(text), text, where);
      Reader chunked = new ChunkedReader(text, new Random(seed + i), 1 + (i % 7));
      assertEquals(
          whole,
          analyze(analyzer, chunked, text, where),
          () -> where.get() + ": reading in chunks changed the tokens");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void freshInstanceAgreesWithTheSharedOne(String chain) {
    Analyzer analyzer = shared(chain);
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    try (Analyzer fresh = chain.equals("words") ? new WordsAnalyzer() : new BigramAnalyzer()) {
      for (int i = 0; i < TEXTS; i++) {
        String text = random.text();
        Supplier<String> where = where(seed, chain, i, text);
        assertEquals(
            analyze(analyzer, new StringReader(text), text, where),
            analyze(fresh, new StringReader(text), text, where),
            () -> where.get() + ": a new analyzer disagrees with the shared one");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void sharedAnalyzerGivesTheSameTokensFromFourThreads(String chain) throws Exception {
    Analyzer analyzer = shared(chain);
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    List<String> texts = new ArrayList<>();
    List<Analysis> expected = new ArrayList<>();
    for (int i = 0; i < TEXTS_PER_THREAD; i++) {
      String text = random.text();
      texts.add(text);
      expected.add(analyze(analyzer, new StringReader(text), text, where(seed, chain, i, text)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(seed + t));
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i : order) {
                    String text = texts.get(i);
                    Supplier<String> where = where(seed, chain + " thread " + thread, i, text);
                    assertEquals(
                        expected.get(i),
                        analyze(analyzer, new StringReader(text), text, where),
                        () -> where.get() + ": differs when analyzed concurrently");
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        try {
          future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof AssertionError assertion) {
            throw assertion;
          }
          throw new AssertionError("seed=" + seed + " " + chain + ": thread failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Supplier<String> where(long seed, String chain, int index, String text) {
    return () -> "seed=" + seed + " " + chain + " text #" + index + " " + RandomText.describe(text);
  }

  /**
   * Consumes one token stream of {@code analyzer} over {@code reader} (which reads {@code text}),
   * asserting on the way what {@code checkRandomData} asserts.
   */
  static Analysis analyze(Analyzer analyzer, Reader reader, String text, Supplier<String> where) {
    List<Token> tokens = new ArrayList<>();
    // Position → the start offset of tokens leaving it, and the end offset of tokens arriving.
    Map<Integer, Integer> startAt = new HashMap<>();
    Map<Integer, Integer> endAt = new HashMap<>();
    int finalOffset;
    int finalPosInc;
    try (TokenStream stream = analyzer.tokenStream("f", reader)) {
      stream.addAttributeImpl(new ClearedAttributeImpl());
      ClearedAttribute cleared = stream.getAttribute(ClearedAttribute.class);
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = stream.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute posLength = stream.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      int position = -1;
      int lastStart = 0;
      while (true) {
        cleared.getAndResetCleared();
        if (!stream.incrementToken()) {
          break;
        }
        Token token =
            new Token(
                term.toString(),
                offset.startOffset(),
                offset.endOffset(),
                posInc.getPositionIncrement(),
                posLength.getPositionLength(),
                type.type());
        Supplier<String> at = () -> where.get() + ": token #" + tokens.size() + " " + token;
        assertTrue(cleared.getAndResetCleared(), () -> at.get() + ": attributes not cleared");
        assertTrue(token.term().length() > 0, () -> at.get() + ": empty term");
        assertTrue(token.start() >= 0, () -> at.get() + ": negative start offset");
        assertTrue(token.end() >= token.start(), () -> at.get() + ": ends before it starts");
        assertTrue(token.end() <= text.length(), () -> at.get() + ": ends after the text");
        assertTrue(token.start() >= lastStart, () -> at.get() + ": start offset went back");
        assertTrue(
            token.posInc() >= (tokens.isEmpty() ? 1 : 0),
            () -> at.get() + ": position increment too small");
        assertTrue(token.posLength() >= 1, () -> at.get() + ": position length below 1");
        position += token.posInc();
        int arrival = position + token.posLength();
        Integer leaving = startAt.putIfAbsent(position, token.start());
        Integer arriving = endAt.putIfAbsent(arrival, token.end());
        assertTrue(
            leaving == null || leaving == token.start(),
            () -> at.get() + ": tokens leaving position " + startAt + " disagree on start");
        assertTrue(
            arriving == null || arriving == token.end(),
            () -> at.get() + ": tokens arriving at position " + endAt + " disagree on end");
        lastStart = token.start();
        tokens.add(token);
      }
      stream.end();
      assertTrue(cleared.getAndResetCleared(), () -> where.get() + ": end() did not clear");
      finalOffset = offset.endOffset();
      finalPosInc = posInc.getPositionIncrement();
      assertEquals(text.length(), finalOffset, () -> where.get() + ": final offset " + tokens);
      assertTrue(finalPosInc >= 0, () -> where.get() + ": negative final position increment");
      for (Token token : tokens) {
        assertTrue(token.end() <= finalOffset, () -> where.get() + ": past final offset");
      }
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(where.get() + ": " + e, e);
    }
    return new Analysis(tokens, finalOffset, finalPosInc);
  }

  /** Only the terms, for checks of what the terms are (the stream itself is checked elsewhere). */
  private static List<String> terms(Analyzer analyzer, String text, Supplier<String> where) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(where.get() + ": " + e, e);
    }
    return terms;
  }

  private static boolean isOneOrTwoHan(String term) {
    int count = term.codePointCount(0, term.length());
    return count >= 1
        && count <= 2
        && term.codePoints()
            .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /** Hands out its text a few characters per read, as a socket or a slow file would. */
  private static final class ChunkedReader extends Reader {
    private final String text;
    private final Random random;
    private final int maxChunk;
    private int at;

    ChunkedReader(String text, Random random, int maxChunk) {
      this.text = text;
      this.random = random;
      this.maxChunk = maxChunk;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (at == text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(length, 1 + random.nextInt(maxChunk)), text.length() - at);
      text.getChars(at, at + n, buffer, offset);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
