package io.github.bisearch.analysis;

import static io.github.bisearch.analysis.AnalysisAssert.assertTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.bisearch.RandomText;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WordsTokenizer} against smartcn's {@link HMMChineseTokenizer}: fixed examples of the rules
 * it copies, and random text through both, alone and inside the words chain, that must come out
 * token for token the same (term, offsets, position increment and length, type, final offset).
 *
 * <p>Replay a failure with {@code -Dtests.seed=N}, N being the seed in its message.
 */
class WordsTokenizerTest {
  private static final Analyzer WORDS = new WordsAnalyzer();
  private static final Analyzer SMARTCN_WORDS = new SmartcnWordsAnalyzer();

  /** The tokenizers alone, after the same character folding as the words chain. */
  private static final Analyzer TOKENIZER = tokenizerOnly(WordsTokenizer::new, true);

  private static final Analyzer SMARTCN_TOKENIZER = tokenizerOnly(HMMChineseTokenizer::new, true);

  /**
   * The tokenizers alone on raw text: full-width forms and lone surrogates reach them as they are.
   */
  private static final Analyzer RAW_TOKENIZER = tokenizerOnly(WordsTokenizer::new, false);

  private static final Analyzer RAW_SMARTCN_TOKENIZER =
      tokenizerOnly(HMMChineseTokenizer::new, false);

  @AfterAll
  static void close() {
    for (Analyzer analyzer :
        List.of(
            WORDS,
            SMARTCN_WORDS,
            TOKENIZER,
            SMARTCN_TOKENIZER,
            RAW_TOKENIZER,
            RAW_SMARTCN_TOKENIZER)) {
      analyzer.close();
    }
  }

  /** The words chain as it was built before {@link WordsTokenizer}: smartcn's tokenizer first. */
  private static final class SmartcnWordsAnalyzer extends Analyzer {
    private static final CharArraySet STOPWORDS = stopwords();

    private static CharArraySet stopwords() {
      CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
      set.add("s");
      set.addAll(SmartChineseAnalyzer.getDefaultStopSet());
      return CharArraySet.unmodifiableSet(set);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return ChineseVariants.fold(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new HMMChineseTokenizer();
      TokenStream result = new LowerCaseFilter(source);
      result = new StopFilter(result, STOPWORDS);
      result = new EnglishMinimalStemFilter(result);
      result = new KStemFilter(result);
      return new TokenStreamComponents(source, result);
    }
  }

  private static Analyzer tokenizerOnly(Supplier<Tokenizer> tokenizer, boolean fold) {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return fold ? ChineseVariants.fold(reader) : reader;
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(tokenizer.get());
      }
    };
  }

  @Test
  void englishWordsAreRunsOfLettersAndPunctuationIsAComma() throws IOException {
    String text = "Docker runs containers on Linux.";
    assertTokens(
        TOKENIZER,
        text,
        "docker[0,6]",
        "runs[7,11]",
        "containers[12,22]",
        "on[23,25]",
        "linux[26,31]",
        ",[31,32]");
    assertTokens(WORDS, text, "docker[0,6]", "run[7,11]", "container[12,22]", "linux[26,31]+2");
  }

  @Test
  void urlsBreakAtEveryPunctuationCharacter() throws IOException {
    String url = "github.com/foo-bar/baz_2.0?x=1";
    assertTokens(
        TOKENIZER,
        url,
        "github[0,6]",
        ",[6,7]",
        "com[7,10]",
        ",[10,11]",
        "foo[11,14]",
        ",[14,15]",
        "bar[15,18]",
        ",[18,19]",
        "baz[19,22]",
        ",[22,23]",
        "2[23,24]",
        ",[24,25]",
        "0[25,26]",
        ",[26,27]",
        "x[27,28]",
        ",[28,29]",
        "1[29,30]");
    assertTokens(
        WORDS,
        url,
        "github[0,6]",
        "com[7,10]+2",
        "foo[11,14]+2",
        "bar[15,18]+2",
        "baz[19,22]+2",
        "2[23,24]+2",
        "0[25,26]+2",
        "x[27,28]+2",
        "1[29,30]+2");
  }

  @Test
  void lettersAndDigitsAreSeparateRuns() throws IOException {
    String text = "k8s v1.2.3 IPv6";
    assertTokens(
        TOKENIZER,
        text,
        "k[0,1]",
        "8[1,2]",
        "s[2,3]",
        "v[4,5]",
        "1[5,6]",
        ",[6,7]",
        "2[7,8]",
        ",[8,9]",
        "3[9,10]",
        "ipv[11,14]",
        "6[14,15]");
    // The "s" of k8s is the stopword that catches possessives.
    assertTokens(
        WORDS,
        text,
        "k[0,1]",
        "8[1,2]",
        "v[4,5]+2",
        "1[5,6]",
        "2[7,8]+2",
        "3[9,10]+2",
        "ipv[11,14]",
        "6[14,15]");
  }

  @Test
  void fullWidthLettersAndDigitsAreFoldedWithOrWithoutTheCharFilter() throws IOException {
    assertTokens(TOKENIZER, "ＤＯＣＫＥＲ　２０２４", "docker[0,6]", "2024[7,11]");
    // Without the char filter smartcn folds them itself, also inside a mixed run.
    assertTokens(RAW_TOKENIZER, "ＤＯＣＫer　２０2４", "docker[0,6]", "2024[7,11]");
  }

  @Test
  void lettersBeyondAsciiAreTokensOfTheirOwn() throws IOException {
    String text = "Café naïve Ünïcode";
    assertTokens(
        TOKENIZER,
        text,
        "caf[0,3]",
        "é[3,4]",
        "na[5,7]",
        "ï[7,8]",
        "ve[8,10]",
        "Ü[11,12]",
        "n[12,13]",
        "ï[13,14]",
        "code[14,18]");
    assertTokens(
        WORDS,
        text,
        "caf[0,3]",
        "é[3,4]",
        "na[5,7]",
        "ï[7,8]",
        "ve[8,10]",
        "ü[11,12]",
        "n[12,13]",
        "ï[13,14]",
        "code[14,18]");
  }

  @Test
  void aSurrogatePairIsOneToken() throws IOException {
    assertTokens(TOKENIZER, "😀 𝐀ok👍🏽", "😀[0,2]", "𝐀[3,5]", "ok[5,7]", "👍[7,9]", "🏽[9,11]");
    // A lone half is a token too, when nothing has replaced it.
    assertTokens(
        RAW_TOKENIZER, "a\uD83D b\uDE00", "a[0,1]", "\uD83D[1,2]", "b[3,4]", "\uDE00[4,5]");
  }

  @Test
  void anApostropheSplitsAPossessive() throws IOException {
    assertTokens(TOKENIZER, "docker's", "docker[0,6]", ",[6,7]", "s[7,8]");
    assertTokens(WORDS, "docker's", "docker[0,6]");
  }

  @Test
  void sentencesWithHanGoThroughTheSegmenter() throws IOException {
    String text = "Docker容器技术。It runs on Linux. 中 国";
    assertTokens(
        TOKENIZER,
        text,
        "docker[0,6]",
        "容器[6,8]",
        "技术[8,10]",
        ",[10,11]",
        "it[11,13]",
        "runs[14,18]",
        "on[19,21]",
        "linux[22,27]",
        ",[27,28]",
        // The segmenter looks past spaces between Han characters.
        "中国[29,32]");
  }

  @Test
  void textIsCutWhereSmartcnCutsItsWindow() throws IOException {
    String letters = "x".repeat(1030);
    assertTokens(TOKENIZER, letters, "x".repeat(1024) + "[0,1024]", "x".repeat(6) + "[1024,1030]");
    // A line break in the window is where it ends instead.
    String lines = "y".repeat(600) + "\n" + "x".repeat(600);
    assertTokens(TOKENIZER, lines, "y".repeat(600) + "[0,600]", "x".repeat(600) + "[601,1201]");
    // Without one, the cut may even fall between the halves of a surrogate pair.
    String emoji = "a".repeat(1023) + "😀";
    assertTokens(
        TOKENIZER, emoji, "a".repeat(1023) + "[0,1023]", "\uD83D[1023,1024]", "\uDE00[1024,1025]");
  }

  @Test
  void latinTextAgreesWithSmartcn() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int i = 0; i < 3000; i++) {
      String text = latinText(random, i % 4 == 0);
      assertSame(seed, i, text);
    }
  }

  @Test
  void longTextAgreesWithSmartcn() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int i = 0; i < 80; i++) {
      StringBuilder text = new StringBuilder();
      boolean han = i % 2 == 0;
      boolean lineBreaks = i % 4 < 2;
      int length = 1000 + random.nextInt(4000);
      while (text.length() < length) {
        String piece = latinText(random, han && random.nextInt(5) == 0);
        // Without line breaks smartcn cuts its windows at 1,024 characters, wherever that is.
        text.append(lineBreaks ? piece : piece.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " "));
        text.append(' ');
      }
      assertSame(seed, i, text.toString());
    }
  }

  @Test
  void anyRandomTextAgreesWithSmartcn() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    for (int i = 0; i < 500; i++) {
      assertSame(seed, i, random.text());
    }
  }

  /**
   * The one thing about the JDK that the shortcut relies on: in text without Hanzi, a sentence
   * break never falls inside a run of letters or digits or between the halves of a surrogate pair.
   */
  @Test
  void sentenceBreaksNeverSplitARun() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    for (int i = 0; i < 20_000; i++) {
      String text = latinText(random, false);
      sentences.setText(text);
      for (int at = sentences.next(); at != BreakIterator.DONE; at = sentences.next()) {
        if (at > 0 && at < text.length()) {
          int before = runKind(text.charAt(at - 1));
          boolean pair =
              Character.isHighSurrogate(text.charAt(at - 1))
                  && Character.isLowSurrogate(text.charAt(at));
          int where = at;
          assertFalse(
              pair || (before != 0 && before == runKind(text.charAt(at))),
              () -> "seed=" + seed + ": sentence break at " + where + " in " + describe(text));
        }
      }
    }
  }

  /** 1 for a letter of smartcn's runs, 2 for a digit, 0 for anything else. */
  private static int runKind(char c) {
    return switch (Utility.getCharType(c)) {
      case CharType.LETTER, CharType.FULLWIDTH_LETTER -> 1;
      case CharType.DIGIT, CharType.FULLWIDTH_DIGIT -> 2;
      default -> 0;
    };
  }

  /** {@code text} through the words chain and both tokenizers alone, new way and smartcn's way. */
  private static void assertSame(long seed, int index, String text) {
    Supplier<String> where = () -> "seed=" + seed + " text #" + index + " " + describe(text);
    assertEquals(
        analyze(SMARTCN_WORDS, text, where),
        analyze(WORDS, text, where),
        () -> where.get() + ": the words chain differs");
    assertEquals(
        analyze(SMARTCN_TOKENIZER, text, where),
        analyze(TOKENIZER, text, where),
        () -> where.get() + ": the tokenizer differs");
    assertEquals(
        analyze(RAW_SMARTCN_TOKENIZER, text, where),
        analyze(RAW_TOKENIZER, text, where),
        () -> where.get() + ": the tokenizer differs on unfolded text");
  }

  private static RandomAnalysisTest.Analysis analyze(
      Analyzer analyzer, String text, Supplier<String> where) {
    return RandomAnalysisTest.analyze(analyzer, new StringReader(text), text, where);
  }

  private static String describe(String text) {
    return RandomText.describe(text);
  }

  private static final String[] LATIN_PIECES = {
    "https://github.com/foo-bar/baz_2.0?x=1#top",
    "http://example.org/a/b.html",
    "user@example.com",
    "k8s",
    "v1.2.3",
    "IPv6",
    "x86_64",
    "docker's",
    "don't",
    "C++",
    "node.js",
    "U.S.A.",
    "e.g.",
    "Mr. Smith",
    "3.14",
    "1,000",
    "100%",
    "(see above)",
    "\"quoted\"",
    "a-b",
    "...",
    "?!",
    "—",
    "…",
    "。",
    "！",
    "？",
    "、",
    "“",
    "”",
    "《",
    "》"
  };

  private static final String[] SPACES = {
    " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u3000", "\u00A0", "\u2028", "\u2029", "\u0085",
    "\u000B", "\f", "\u2003", "\u200B", ""
  };

  private static final String[] SYMBOLS = {
    "😀",
    "🐳",
    "𝐀",
    "❤\uFE0F",
    "👍🏽",
    "\uD83D\uDC68\u200D\uD83D\uDC69",
    "\u0301",
    "¿",
    "«",
    "»",
    "©",
    "°",
    "½",
    "ß",
    "\uFFFD",
    "\uD800",
    "\uDC00",
    "㐀",
    "\u9FA6",
    "\u9FFF",
    "豈",
    "\uD840\uDC00",
    "ひら",
    "カタ",
    "한국",
    "Ωμέγα",
    "Привет",
    "\u0000",
    "\u007F"
  };

  private static final String HAN = "虚拟机监视器容器管理操作系统架构开源软件的了是在和有我们这个分布式网络数据库云计算镜像服务集群虛擬機開發";

  /**
   * Mostly Latin text: words in any case, digits, URLs and punctuation, spaces of many kinds,
   * full-width forms, accented letters, symbols, emoji, lone surrogates, characters that are Han
   * but not smartcn's Hanzi, and, when {@code han}, some Hanzi.
   */
  private static String latinText(Random random, boolean han) {
    StringBuilder out = new StringBuilder();
    int pieces = random.nextInt(10) == 0 ? 20 + random.nextInt(60) : 1 + random.nextInt(12);
    for (int i = 0; i < pieces; i++) {
      int kind = random.nextInt(han ? 110 : 100);
      if (kind < 30) {
        out.append(word(random));
      } else if (kind < 40) {
        out.append(pick(random, LATIN_PIECES));
      } else if (kind < 50) {
        out.append(random.nextInt(random.nextBoolean() ? 10 : 100_000));
      } else if (kind < 60) {
        out.append((char) (0x21 + random.nextInt(0x7F - 0x21)));
      } else if (kind < 66) {
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
          out.append((char) (0xFF01 + random.nextInt(0xFF5E - 0xFF01 + 1)));
        }
      } else if (kind < 74) {
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          out.append((char) (0xA0 + random.nextInt(0x180 - 0xA0)));
        }
      } else if (kind < 84) {
        out.append(pick(random, SYMBOLS));
      } else if (kind < 86) {
        out.appendCodePoint(randomCodePoint(random));
      } else if (kind < 100) {
        out.append(pick(random, SPACES));
      } else {
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
          out.append(HAN.charAt(random.nextInt(HAN.length())));
        }
      }
      if (random.nextInt(3) > 0) {
        out.append(pick(random, SPACES));
      }
    }
    return out.toString();
  }

  private static String word(Random random) {
    StringBuilder out = new StringBuilder();
    for (int n = 1 + random.nextInt(10); n > 0; n--) {
      char c = (char) ('a' + random.nextInt(26));
      out.append(random.nextInt(5) == 0 ? Character.toUpperCase(c) : c);
    }
    if (random.nextInt(4) == 0) {
      out.append(random.nextInt(100));
    }
    return out.toString();
  }

  /** Any code point but the Hanzi (which {@code han} texts get on purpose). */
  private static int randomCodePoint(Random random) {
    while (true) {
      int cp = random.nextInt(random.nextBoolean() ? 0x10000 : Character.MAX_CODE_POINT + 1);
      if (cp < 0x4E00 || cp > 0x9FA5) {
        return cp;
      }
    }
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
