package io.github.bisearch.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.RandomText;
import io.github.bisearch.glossary.Concept;
import io.github.bisearch.glossary.Glossary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.junit.jupiter.api.Test;

/**
 * {@link HhmmSegmenter} against smartcn's {@link HHMMSegmenter}: the same path for every sentence,
 * token for token (text, offsets, type, frequency and smartcn's candidate number), on fixed
 * examples, on every line of the bundled corpus and on random sentences built from the glossary's
 * Chinese words, whose pairs reach deep into smartcn's dictionaries.
 *
 * <p>Replay a failure with {@code -Dtests.seed=N}, N being the seed in its message.
 */
class HhmmSegmenterTest {
  private static final HHMMSegmenter SMARTCN = new HHMMSegmenter();

  /** One segmenter for all sentences, as a tokenizer keeps one: nothing may carry over. */
  private static final HhmmSegmenter SEGMENTER = new HhmmSegmenter();

  /** One that looks word pairs up in the dictionaries' pair table from the first. */
  private static final HhmmSegmenter WITH_PAIR_TABLE = new HhmmSegmenter(0);

  @Test
  void aSentenceIsSegmentedIntoDictionaryWords() {
    List<SegToken> path = segment("Xen 是一个开放源代码虚拟机监视器");
    assertEquals(
        "始##始[-1,0] 未##串[0,3] 是[4,5] 一个[5,7] 开放[7,9] 源代码[9,12] 虚拟[12,14] 机[14,15]"
            + " 监视器[15,18] 末##末[18,19]",
        describe(path));
    assertEquals(WordType.STRING, path.get(1).wordType);
    assertEquals(WordType.CHINESE_WORD, path.get(2).wordType);
    assertSameAsSmartcn("Xen 是一个开放源代码虚拟机监视器", () -> "the example");
  }

  @Test
  void wordsAreFoundPastSpacesBetweenHanzi() {
    assertEquals("始##始[-1,0] 中国[0,3] 末##末[3,4]", describe(segment("中 国")));
    assertSameAsSmartcn("中 国\u3000人  民", () -> "spaced");
  }

  @Test
  void everyKindOfCharacterIsACandidate() {
    String text = "用Ｄｏｃｋｅｒ跑２０２４个😀容器，v1.2.3版\u00e9";
    assertEquals(
        "始##始[-1,0] 用[0,1] 未##串[1,7] 跑[7,8] 未##数[8,12] 个[12,13] 😀[13,15] 容器[15,17] ，[17,18]"
            + " 未##串[18,19] 未##数[19,20] .[20,21] 未##数[21,22] .[22,23] 未##数[23,24] 版[24,25]"
            + " 未##串[25,26] 末##末[26,27]",
        describe(segment(text)));
    assertSameAsSmartcn(text, () -> "mixed");
  }

  @Test
  void sentencesWithoutHanziAndEmptyOnesAgree() {
    for (String text : List.of("", " ", "Docker 2024!", "\uD83D", "a\uDE00b", "，。")) {
      assertSameAsSmartcn(text, () -> "'" + text + "'");
    }
  }

  @Test
  void everyLineOfTheBundledCorpusAgrees() throws IOException {
    Path corpus = Path.of("..", "corpus", "docker-awesome.md");
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      int line = i + 1;
      assertSameAsSmartcn(lines.get(i), () -> "line " + line);
    }
  }

  @Test
  void randomSentencesOfGlossaryWordsAgree() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> words = new ArrayList<>();
    for (Concept concept : Glossary.builtIn().concepts()) {
      words.addAll(concept.chinese());
    }
    String[] glue = {
      "", "", "", "的", "是", "和", "在", " ", "，", "。", "、", "docker", "2.0", "Ｋ８ｓ", "😀"
    };
    for (int i = 0; i < 5000; i++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(12);
      for (int p = 0; p < pieces; p++) {
        text.append(words.get(random.nextInt(words.size())));
        text.append(glue[random.nextInt(glue.length)]);
      }
      String sentence = text.toString();
      int index = i;
      assertSameAsSmartcn(sentence, () -> "seed=" + seed + " sentence #" + index + " " + sentence);
    }
  }

  @Test
  void randomTextAgrees() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    for (int i = 0; i < 2000; i++) {
      String text = random.text();
      int index = i;
      assertSameAsSmartcn(
          text, () -> "seed=" + seed + " text #" + index + " " + RandomText.describe(text));
    }
  }

  @Test
  void dictionariesThatCannotBeSeenAreNone() {
    assertNull(SegmenterDictionaries.load("no-such-dict.mem", "bigramdict.mem"));
    assertNull(SegmenterDictionaries.load("coredict.mem", "no-such-dict.mem"));
    assertNotNull(SegmenterDictionaries.Holder.INSTANCE);
  }

  @Test
  void theBuildsCompactCopyHoldsExactlySmartcnsDictionaries() throws IOException {
    SegmenterDictionaries smartcn = SegmenterDictionaries.load("coredict.mem", "bigramdict.mem");
    byte[] built;
    try (InputStream in = HhmmSegmenter.class.getResourceAsStream(SegmenterDictionaries.COMPACT)) {
      assertNotNull(in, "the build writes " + SegmenterDictionaries.COMPACT);
      built = in.readAllBytes();
    }
    assertTrue(smartcn.sameAs(SegmenterDictionaries.readCompact(built)));
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    smartcn.writeCompact(written);
    assertArrayEquals(built, written.toByteArray());
    // What the segmenter uses is that copy.
    assertTrue(smartcn.sameAs(SegmenterDictionaries.Holder.INSTANCE));
  }

  @Test
  void aDamagedCompactCopyIsRefusedWithAClearError() throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    SegmenterDictionaries.Holder.INSTANCE.writeCompact(written);
    byte[] bytes = written.toByteArray();
    IllegalStateException cut =
        assertThrows(
            IllegalStateException.class,
            () -> SegmenterDictionaries.readCompact(Arrays.copyOf(bytes, bytes.length - 3)));
    assertEquals("smartcn-dictionaries.bin is cut short", cut.getMessage());
    byte[] other = bytes.clone();
    other[0] = 'X';
    IllegalStateException magic =
        assertThrows(IllegalStateException.class, () -> SegmenterDictionaries.readCompact(other));
    assertEquals("smartcn-dictionaries.bin is not a bisearch dictionary file", magic.getMessage());
  }

  private static List<SegToken> segment(String text) {
    return SEGMENTER.process(text.toCharArray(), 0, text.length());
  }

  /** The path of {@code text}, also as part of a larger array, must be smartcn's. */
  private static void assertSameAsSmartcn(String text, Supplier<String> where) {
    List<SegToken> expected = SMARTCN.process(text);
    assertEquals(expected, segment(text), where);
    char[] padded = ("前文" + text + "后文").toCharArray();
    assertEquals(expected, SEGMENTER.process(padded, 2, 2 + text.length()), where);
    assertEquals(expected, WITH_PAIR_TABLE.process(padded, 2, 2 + text.length()), where);
  }

  @Test
  void thePairTableHoldsEachHashOnceOrIsNone() {
    long[] hashes = {0, 5, -7, 0, 1L << 40};
    int[] frequencies = {0, 3, 4, 0, 9};
    SegmenterDictionaries.PairTable table = SegmenterDictionaries.PairTable.of(hashes, frequencies);
    assertEquals(3, table.get(5));
    assertEquals(4, table.get(-7));
    assertEquals(9, table.get(1L << 40));
    assertEquals(0, table.get(6));
    assertEquals(0, table.get(1L << 41));
    // A hash in two slots: smartcn's probe answers by where it starts, which the table cannot.
    assertSame(
        SegmenterDictionaries.PairTable.NONE,
        SegmenterDictionaries.PairTable.of(new long[] {5, 0, 5}, new int[] {1, 0, 2}));
  }

  private static String describe(List<SegToken> path) {
    return path.stream()
        .map(t -> new String(t.charArray) + "[" + t.startOffset + "," + t.endOffset + "]")
        .collect(Collectors.joining(" "));
  }
}
