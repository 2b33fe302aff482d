package io.github.bisearch.analysis;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.util.ArrayUtil;

/**
 * smartcn's word segmentation, the same words as {@link HHMMSegmenter#process} finds, computed with
 * arrays where smartcn uses maps and lists.
 *
 * <p>The method is smartcn's, step for step. Every dictionary word that starts at a Hanzi (looking
 * past spaces) becomes a candidate, next to the one-character word; every other run (letters,
 * digits, a punctuation character, a surrogate pair, an unknown character) is one candidate. Each
 * candidate is linked to every candidate that starts where the next candidates after its end do,
 * and a link weighs {@code -log} of a smoothed probability from the first word's frequency and the
 * pair's frequency in the bigram dictionary. The segmentation is the lightest path from the
 * sentence's start marker to its end marker; ties go to the link found first, as in smartcn.
 *
 * <p>What differs is how: candidates live in arrays ordered as smartcn numbers them, the path is
 * relaxed forwards as the links are made instead of being collected first, a dictionary prefix is
 * found by a search (and, once a segmenter has done much work, a prefix of two characters by a
 * table) instead of by walking back through every word that shares it, a found word's frequency is
 * read where it was found, and a pair's hashes continue from its first word's instead of being
 * computed over a new array. The dictionaries are smartcn's ({@link SegmenterDictionaries}), loaded
 * once and only when a Hanzi is first segmented; where they cannot be read at all, smartcn's own
 * segmenter does the work. {@code HhmmSegmenterTest} compares the paths with smartcn's, token for
 * token, frequencies included.
 *
 * <p>Not thread-safe: each tokenizer has its own (the dictionaries are shared and immutable).
 */
final class HhmmSegmenter {
  private static final double SMOOTH = 0.1;
  private static final double TINY = 1.0 / Utility.MAX_FREQUENCE;

  /**
   * Word pairs looked up by smartcn's probe before this segmenter asks for the dictionaries' faster
   * tables ({@linkplain SegmenterDictionaries#pairTable pairs}, {@linkplain
   * SegmenterDictionaries#prefixTable prefixes}): a query's few sentences never wait for them to be
   * made, indexing soon has them.
   */
  static final int PAIRS_BEFORE_TABLE = 200_000;

  private final int pairsBeforeTable;
  private int pairsLookedUp;

  /** The dictionaries' pair table once asked for, else null. */
  private SegmenterDictionaries.PairTable pairs;

  /** The dictionaries' prefix table, asked for with the pair table, else null. */
  private CharPairTable prefixes;

  HhmmSegmenter() {
    this(PAIRS_BEFORE_TABLE);
  }

  /** A segmenter that asks for the faster tables after {@code pairsBeforeTable} pair lookups. */
  HhmmSegmenter(int pairsBeforeTable) {
    this.pairsBeforeTable = pairsBeforeTable;
  }

  /** smartcn's own segmenter, made only when its dictionary files cannot be read from here. */
  private HHMMSegmenter smartcn;

  /** The sentence's character types, by {@link Utility#getCharType}. */
  private int[] types = new int[64];

  /** The word being extended at a Hanzi, without the spaces it looked past. */
  private char[] word = new char[16];

  // The candidates, in smartcn's order: the start marker, then by start, then the end marker.
  private int count;
  private char[][] chars = new char[64][];
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int[] wordTypes = new int[64];
  private int[] frequencies = new int[64];

  /** The lightest path's weight to each candidate, and the candidate before it on that path. */
  private double[] best = new double[64];

  private int[] previous = new int[64];

  /** The first candidate starting at each offset (index offset + 1), or -1. */
  private int[] firstAt = new int[64];

  /**
   * The best segmentation of {@code text[from, to)}, one sentence: its words in order between a
   * start and an end marker, with offsets relative to {@code from}, exactly as {@link
   * HHMMSegmenter#process} gives them for the same sentence.
   */
  List<SegToken> process(char[] text, int from, int to) {
    SegmenterDictionaries dictionaries = SegmenterDictionaries.Holder.INSTANCE;
    if (dictionaries == null) {
      if (smartcn == null) {
        smartcn = new HHMMSegmenter();
      }
      return smartcn.process(new String(text, from, to - from));
    }
    int length = to - from;
    candidates(dictionaries, text, from, length);
    link(dictionaries, length);
    return path();
  }

  /** smartcn's {@code createSegGraph}: every candidate word, in smartcn's order. */
  private void candidates(SegmenterDictionaries dictionaries, char[] text, int from, int length) {
    types = ArrayUtil.grow(types, length);
    for (int i = 0; i < length; i++) {
      types[i] = Utility.getCharType(text[from + i]);
    }
    count = 0;
    add(Utility.START_CHAR_ARRAY, -1, 0, WordType.SENTENCE_BEGIN, dictionaries.start);
    int i = 0;
    while (i < length) {
      int type = types[i];
      switch (type) {
        case CharType.SPACE_LIKE -> i++;
        case CharType.SURROGATE -> {
          int size = Character.charCount(Character.codePointAt(text, from + i, from + length));
          add(
              Arrays.copyOfRange(text, from + i, from + i + size),
              i,
              i + size,
              WordType.CHINESE_WORD,
              0);
          i += size;
        }
        case CharType.HANZI -> {
          words(dictionaries, text, from, length, i);
          i++;
        }
        case CharType.LETTER, CharType.FULLWIDTH_LETTER -> {
          int j = endOfRun(i, length, CharType.LETTER, CharType.FULLWIDTH_LETTER);
          add(
              Utility.STRING_CHAR_ARRAY,
              i,
              j,
              has(i, j, CharType.FULLWIDTH_LETTER) ? WordType.FULLWIDTH_STRING : WordType.STRING,
              dictionaries.string);
          i = j;
        }
        case CharType.DIGIT, CharType.FULLWIDTH_DIGIT -> {
          int j = endOfRun(i, length, CharType.DIGIT, CharType.FULLWIDTH_DIGIT);
          add(
              Utility.NUMBER_CHAR_ARRAY,
              i,
              j,
              has(i, j, CharType.FULLWIDTH_DIGIT) ? WordType.FULLWIDTH_NUMBER : WordType.NUMBER,
              dictionaries.number);
          i = j;
        }
        case CharType.DELIMITER -> {
          add(new char[] {text[from + i]}, i, i + 1, WordType.DELIMITER, Utility.MAX_FREQUENCE);
          i++;
        }
        default -> {
          add(Utility.STRING_CHAR_ARRAY, i, i + 1, WordType.STRING, dictionaries.string);
          i++;
        }
      }
    }
    add(Utility.END_CHAR_ARRAY, length, length + 1, WordType.SENTENCE_END, dictionaries.end);
  }

  /**
   * The end of the run of {@code type} and {@code fullWidthType} characters starting at {@code i}.
   */
  private int endOfRun(int i, int length, int type, int fullWidthType) {
    int end = i + 1;
    while (end < length && (types[end] == type || types[end] == fullWidthType)) {
      end++;
    }
    return end;
  }

  /** Whether a character of {@code type} is in {@code [from, to)}. */
  private boolean has(int from, int to, int type) {
    for (int i = from; i < to; i++) {
      if (types[i] == type) {
        return true;
      }
    }
    return false;
  }

  /**
   * The candidates starting at the Hanzi at {@code i}: the character itself, whatever the
   * dictionary says of it, then each longer dictionary word, looking past spaces, for as long as
   * some dictionary word begins with the characters read so far.
   */
  private void words(SegmenterDictionaries dictionaries, char[] text, int from, int length, int i) {
    char first = text[from + i];
    word[0] = first;
    add(new char[] {first}, i, i + 1, WordType.CHINESE_WORD, dictionaries.frequency(first));
    int table = dictionaries.table(first);
    if (table < 0) {
      return;
    }
    char[][] items = dictionaries.words[table];
    int size = 1;
    int found = SegmenterDictionaries.firstWithPrefix(items, word, size, 0);
    int j = i + 1;
    while (j <= length && found != -1) {
      if (size > 1 && SegmenterDictionaries.compare(word, 1, size, items[found]) == 0) {
        add(
            Arrays.copyOf(word, size),
            i,
            j,
            WordType.CHINESE_WORD,
            dictionaries.frequencyAt(table, found));
      }
      while (j < length && types[j] == CharType.SPACE_LIKE) {
        j++;
      }
      if (j < length && types[j] == CharType.HANZI) {
        word = ArrayUtil.grow(word, size + 1);
        word[size++] = text[from + j];
        found =
            size == 2 && prefixes != null
                ? prefixes.get(first, word[1])
                : SegmenterDictionaries.firstWithPrefix(items, word, size, found);
        j++;
      } else {
        break;
      }
    }
  }

  private void add(char[] text, int start, int end, int type, int frequency) {
    if (count == starts.length) {
      int size = ArrayUtil.oversize(count + 1, Integer.BYTES);
      chars = ArrayUtil.growExact(chars, size);
      starts = ArrayUtil.growExact(starts, size);
      ends = ArrayUtil.growExact(ends, size);
      wordTypes = ArrayUtil.growExact(wordTypes, size);
      frequencies = ArrayUtil.growExact(frequencies, size);
    }
    chars[count] = text;
    starts[count] = start;
    ends[count] = end;
    wordTypes[count] = type;
    frequencies[count] = frequency;
    count++;
  }

  /** A word pair's frequency: from the pair table once this segmenter has asked for it. */
  private int pairFrequency(SegmenterDictionaries dictionaries, long hash1, int hash2) {
    if (pairs == null && ++pairsLookedUp > pairsBeforeTable) {
      pairs = dictionaries.pairTable();
      prefixes = dictionaries.prefixTable();
    }
    return dictionaries.bigramFrequency(hash1, hash2, pairs);
  }

  /**
   * smartcn's {@code BiSegGraph} and its shortest path in one pass. smartcn links each candidate,
   * in order, to the candidates at the first offset after its end where any start, then lets each
   * candidate pick, among the links into it in the order they were made, the first whose path is
   * strictly lightest. Relaxing the links forwards as they are made compares the same sums in the
   * same order: a candidate's own path is final before its links are made, since every link into it
   * comes from a candidate that starts earlier.
   */
  private void link(SegmenterDictionaries dictionaries, int length) {
    // Offsets run from -1 (the start marker) to length (the end marker).
    firstAt = ArrayUtil.grow(firstAt, length + 2);
    Arrays.fill(firstAt, 0, length + 2, -1);
    for (int c = count - 1; c >= 0; c--) {
      firstAt[starts[c] + 1] = c;
    }
    best = ArrayUtil.grow(best, count);
    previous = ArrayUtil.grow(previous, count);
    Arrays.fill(best, 0, count, Double.MAX_VALUE);
    Arrays.fill(previous, 0, count, -1);
    best[0] = 0;
    for (int from = 0; from < count - 1; from++) {
      int next = ends[from];
      while (next <= length && firstAt[next + 1] < 0) {
        next++;
      }
      if (next > length) {
        // Only the end marker ends past the last offset, and it links to nothing.
        throw new IllegalStateException("a candidate ends after the sentence");
      }
      char[] first = chars[from];
      long hash1 = SegmenterDictionaries.hash1(SegmenterDictionaries.HASH1_SEED, first);
      hash1 = SegmenterDictionaries.hash1(hash1, SegmenterDictionaries.PAIR_SEPARATOR);
      int hash2 = SegmenterDictionaries.hash2(SegmenterDictionaries.HASH2_SEED, first);
      hash2 = SegmenterDictionaries.hash2(hash2, SegmenterDictionaries.PAIR_SEPARATOR);
      double oneWordFrequency = frequencies[from];
      for (int to = firstAt[next + 1]; to < count && starts[to] == next; to++) {
        char[] second = chars[to];
        int pairFrequency =
            pairFrequency(
                dictionaries,
                SegmenterDictionaries.hash1(hash1, second),
                SegmenterDictionaries.hash2(hash2, second));
        double weight =
            -Math.log(
                SMOOTH * (1.0 + oneWordFrequency) / (Utility.MAX_FREQUENCE + 0.0)
                    + (1.0 - SMOOTH)
                        * ((1.0 - TINY) * pairFrequency / (1.0 + oneWordFrequency) + TINY));
        double through = best[from] + weight;
        if (through < best[to]) {
          best[to] = through;
          previous[to] = from;
        }
      }
    }
  }

  /** The path to the end marker, as smartcn's tokens. */
  private List<SegToken> path() {
    int steps = 0;
    for (int c = count - 1; c != 0; c = previous[c]) {
      if (c < 0) {
        // smartcn fails on a candidate nothing links to; no sentence makes one.
        throw new IllegalStateException("no path through the sentence's candidates");
      }
      steps++;
    }
    SegToken[] path = new SegToken[steps + 1];
    int c = count - 1;
    for (int at = steps; at >= 0; at--) {
      SegToken token = new SegToken(chars[c], starts[c], ends[c], wordTypes[c], frequencies[c]);
      token.index = c;
      path[at] = token;
      c = previous[c];
    }
    return Arrays.asList(path);
  }
}
