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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  @Test
  void everyTableIsStrictlySortedSoAWordHasOneFrequency() {
    SegmenterDictionaries dictionaries = SegmenterDictionaries.Holder.INSTANCE;
    int words = 0;
    for (char[][] items : dictionaries.words) {
      if (items == null) {
        continue; // a slot of smartcn's hash table that no character took
      }
      for (int k = 1; k < items.length; k++) {
        char[] before = items[k - 1] == null ? new char[0] : items[k - 1];
        assertEquals(-1, SegmenterDictionaries.compare(before, 0, before.length, items[k]));
      }
      words += items.length;
    }
    assertEquals(85_607, words);
  }

  @Test
  void aHanziAloneHasTheFrequencyOfItsOneCharacterWord() {
    SegmenterDictionaries dictionaries = SegmenterDictionaries.Holder.INSTANCE;
    int words = 0;
    for (int c = 0x4E00; c <= 0x9FA5; c++) {
      int frequency = dictionaries.frequency((char) c);
      assertEquals(dictionaries.frequency(new char[] {(char) c}, 1), frequency);
      words += frequency > 0 ? 1 : 0;
    }
    assertEquals(3_664, words);
  }

  @Test
  void theFirstWordWithAPrefixIsTheFirstInOrder() {
    SegmenterDictionaries dictionaries = SegmenterDictionaries.Holder.INSTANCE;
    Random random = new Random(7);
    int checked = 0;
    int found = 0;
    for (int t = 0; t < dictionaries.words.length; t += 1 + random.nextInt(5)) {
      char[][] items = dictionaries.words[t];
      if (items == null || items.length == 0) {
        continue;
      }
      char[] word = items[random.nextInt(items.length)];
      if (word == null || word.length == 0) {
        continue;
      }
      // The prefix grows by the word's characters, sometimes ending in one no word has there.
      char[] prefix = new char[word.length + 2];
      int known = SegmenterDictionaries.firstWithPrefix(items, prefix, 1, 0);
      assertEquals(0, known);
      for (int length = 2; length <= word.length + 1 && known >= 0; length++) {
        prefix[length - 1] =
            length <= word.length && random.nextInt(8) > 0
                ? word[length - 2]
                : (char) ('\u4E00' + random.nextInt(0x51A6));
        int first = SegmenterDictionaries.firstWithPrefix(items, prefix, length, known);
        assertEquals(firstByScan(items, prefix, length), first);
        known = first;
        checked++;
        found += first >= 0 ? 1 : 0;
      }
    }
    // Fixed by the seed: prefixes found and not found were both checked, many times.
    assertEquals(1_802, checked);
    assertEquals(467, found);
  }

  @Test
  void thePrefixTableFindsWhatTheSearchFinds() {
    SegmenterDictionaries dictionaries = SegmenterDictionaries.Holder.INSTANCE;
    CharPairTable prefixes = dictionaries.prefixTable();
    Random random = new Random(3);
    int found = 0;
    char[] prefix = new char[2];
    for (int c = 0x4E00; c <= 0x9FA5; c++) {
      int table = dictionaries.table((char) c);
      if (table < 0) {
        continue;
      }
      char[][] items = dictionaries.words[table];
      prefix[0] = (char) c;
      // Every second character the table's words have, and one drawn at random.
      for (int k = 0; k <= items.length; k++) {
        if (k < items.length && (items[k] == null || items[k].length == 0)) {
          continue;
        }
        prefix[1] = k < items.length ? items[k][0] : (char) (0x4E00 + random.nextInt(0x51A6));
        int expected = SegmenterDictionaries.firstWithPrefix(items, prefix, 2, 0);
        assertEquals(expected, prefixes.get((char) c, prefix[1]));
        found += expected >= 0 ? 1 : 0;
      }
    }
    assertEquals(79_856, found);
  }

  /** The first word of {@code items} that starts with {@code prefix[1, length)}, or -1. */
  private static int firstByScan(char[][] items, char[] prefix, int length) {
    for (int k = 0; k < items.length; k++) {
      if (SegmenterDictionaries.comparePrefix(prefix, length, items[k]) == 0) {
        return k;
      }
    }
    return -1;
  }

  @Test
  void theFilterInFrontOfThePairTableNeverHidesAStoredPair() {
    Random random = new Random(11);
    long[] hashes = new long[300_000];
    int[] frequencies = new int[hashes.length];
    Map<Long, Integer> stored = new HashMap<>();
    for (int i = 0; i < hashes.length; i++) {
      // Some slots empty, as in smartcn's table.
      hashes[i] = i % 3 == 0 ? 0 : random.nextLong();
      frequencies[i] = hashes[i] == 0 ? 0 : 1 + random.nextInt(1000);
      if (hashes[i] != 0) {
        stored.put(hashes[i], frequencies[i]);
      }
    }
    SegmenterDictionaries.PairTable table = SegmenterDictionaries.PairTable.of(hashes, frequencies);
    for (Map.Entry<Long, Integer> pair : stored.entrySet()) {
      assertEquals(pair.getValue(), table.get(pair.getKey()));
    }
    int absent = 0;
    for (int i = 0; i < 300_000; i++) {
      long hash = random.nextLong();
      if (!stored.containsKey(hash)) {
        assertEquals(0, table.get(hash));
        absent++;
      }
    }
    assertEquals(300_000, absent);
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
