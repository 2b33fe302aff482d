package io.github.bisearch.analysis;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.IOUtils;

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
 * found by binary search instead of by walking back through every word that shares it, and a pair's
 * hashes continue from its first word's instead of being computed over a new array. The
 * dictionaries are smartcn's own files, read from its jar as smartcn reads them, once and only when
 * a Hanzi is first segmented; where they cannot be read from outside smartcn (its module on the
 * module path keeps them to itself), smartcn's own segmenter does the work. {@code
 * HhmmSegmenterTest} compares the paths with smartcn's, token for token, frequencies included.
 *
 * <p>Not thread-safe: each tokenizer has its own (the dictionaries are shared and immutable).
 */
final class HhmmSegmenter {
  private static final double SMOOTH = 0.1;
  private static final double TINY = 1.0 / Utility.MAX_FREQUENCE;

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
    Dictionaries dictionaries = Dictionaries.Holder.INSTANCE;
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
  private void candidates(Dictionaries dictionaries, char[] text, int from, int length) {
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
          boolean fullWidth = type == CharType.FULLWIDTH_LETTER;
          int j = i + 1;
          while (j < length
              && (types[j] == CharType.LETTER || types[j] == CharType.FULLWIDTH_LETTER)) {
            fullWidth |= types[j] == CharType.FULLWIDTH_LETTER;
            j++;
          }
          add(
              Utility.STRING_CHAR_ARRAY,
              i,
              j,
              fullWidth ? WordType.FULLWIDTH_STRING : WordType.STRING,
              dictionaries.string);
          i = j;
        }
        case CharType.DIGIT, CharType.FULLWIDTH_DIGIT -> {
          boolean fullWidth = type == CharType.FULLWIDTH_DIGIT;
          int j = i + 1;
          while (j < length
              && (types[j] == CharType.DIGIT || types[j] == CharType.FULLWIDTH_DIGIT)) {
            fullWidth |= types[j] == CharType.FULLWIDTH_DIGIT;
            j++;
          }
          add(
              Utility.NUMBER_CHAR_ARRAY,
              i,
              j,
              fullWidth ? WordType.FULLWIDTH_NUMBER : WordType.NUMBER,
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
   * The candidates starting at the Hanzi at {@code i}: the character itself, whatever the
   * dictionary says of it, then each longer dictionary word, looking past spaces, for as long as
   * some dictionary word begins with the characters read so far.
   */
  private void words(Dictionaries dictionaries, char[] text, int from, int length, int i) {
    char first = text[from + i];
    word[0] = first;
    add(new char[] {first}, i, i + 1, WordType.CHINESE_WORD, dictionaries.frequency(word, 1));
    int table = dictionaries.table(first);
    if (table < 0) {
      return;
    }
    char[][] items = dictionaries.words[table];
    int size = 1;
    int found = Dictionaries.firstWithPrefix(items, word, size, 0);
    int j = i + 1;
    while (j <= length && found != -1) {
      if (size > 1 && Dictionaries.compare(word, 1, size, items[found]) == 0) {
        add(
            Arrays.copyOf(word, size),
            i,
            j,
            WordType.CHINESE_WORD,
            dictionaries.frequency(word, size));
      }
      while (j < length && types[j] == CharType.SPACE_LIKE) {
        j++;
      }
      if (j < length && types[j] == CharType.HANZI) {
        word = ArrayUtil.grow(word, size + 1);
        word[size++] = text[from + j];
        found = Dictionaries.firstWithPrefix(items, word, size, found);
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

  /**
   * smartcn's {@code BiSegGraph} and its shortest path in one pass. smartcn links each candidate,
   * in order, to the candidates at the first offset after its end where any start, then lets each
   * candidate pick, among the links into it in the order they were made, the first whose path is
   * strictly lightest. Relaxing the links forwards as they are made compares the same sums in the
   * same order: a candidate's own path is final before its links are made, since every link into it
   * comes from a candidate that starts earlier.
   */
  private void link(Dictionaries dictionaries, int length) {
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
      long hash1 = Dictionaries.hash1(Dictionaries.HASH1_SEED, first);
      hash1 = Dictionaries.hash1(hash1, Dictionaries.PAIR_SEPARATOR);
      int hash2 = Dictionaries.hash2(Dictionaries.HASH2_SEED, first);
      hash2 = Dictionaries.hash2(hash2, Dictionaries.PAIR_SEPARATOR);
      double oneWordFrequency = frequencies[from];
      for (int to = firstAt[next + 1]; to < count && starts[to] == next; to++) {
        char[] second = chars[to];
        int pairFrequency =
            dictionaries.bigramFrequency(
                Dictionaries.hash1(hash1, second), Dictionaries.hash2(hash2, second));
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
    return new ArrayList<>(Arrays.asList(path));
  }

  /**
   * smartcn's core and bigram dictionaries, as the arrays its own classes hold them in, with the
   * lookups its classes make on them.
   */
  static final class Dictionaries {
    /** The arrays smartcn serialised; nothing else may be read from them. */
    private static final Set<Class<?>> SERIALISED =
        Set.of(
            short[].class,
            char[].class,
            char[][].class,
            char[][][].class,
            int[].class,
            int[][].class,
            long[].class);

    /**
     * The resource, next to this class, that the build writes ({@link SegmenterDictionaryFile}):
     * smartcn's dictionaries in {@linkplain #writeCompact compact form}.
     */
    static final String COMPACT = "smartcn-dictionaries.bin";

    private static final int COMPACT_MAGIC = 0x42484431; // "BHD1"

    /**
     * smartcn's hash table sizes: {@code WordDictionary.PRIME_INDEX_LENGTH} and {@code
     * BigramDictionary.PRIME_BIGRAM_LENGTH}, both package-private there.
     */
    private static final int WORD_PRIME = 12071;

    private static final int BIGRAM_PRIME = 402137;

    /** What smartcn's bigram dictionary puts between the two words of a pair. */
    static final char PAIR_SEPARATOR = '@';

    static final long HASH1_SEED = 0xcbf29ce484222325L;
    static final int HASH2_SEED = 5381;

    private static final int FIRST_HANZI = 0x4E00;
    private static final int LAST_HANZI = 0x9FA5;

    private final short[] wordIndexTable;
    private final char[] charIndexTable;

    /** Per first character: the rest of each word, sorted, and the words' frequencies. */
    final char[][][] words;

    private final int[][] wordFrequencies;

    private final long[] bigramHashes;
    private final int[] bigramFrequencies;

    /** {@link #table} of each Hanzi, the only characters looked up: -1 when it has none. */
    private final short[] tables = new short[LAST_HANZI - FIRST_HANZI + 1];

    final int start;
    final int end;
    final int string;
    final int number;

    private Dictionaries(
        short[] wordIndexTable,
        char[] charIndexTable,
        char[][][] words,
        int[][] wordFrequencies,
        long[] bigramHashes,
        int[] bigramFrequencies) {
      this.wordIndexTable = wordIndexTable;
      this.charIndexTable = charIndexTable;
      this.words = words;
      this.wordFrequencies = wordFrequencies;
      this.bigramHashes = bigramHashes;
      this.bigramFrequencies = bigramFrequencies;
      for (int c = FIRST_HANZI; c <= LAST_HANZI; c++) {
        tables[c - FIRST_HANZI] = findTable((char) c);
      }
      start = frequency(Utility.START_CHAR_ARRAY);
      end = frequency(Utility.END_CHAR_ARRAY);
      string = frequency(Utility.STRING_CHAR_ARRAY);
      number = frequency(Utility.NUMBER_CHAR_ARRAY);
    }

    /**
     * The dictionaries, from bisearch's {@linkplain #writeCompact compact copy} when the build made
     * one ({@link #COMPACT}), else from smartcn's files; null when neither can be read.
     */
    private static Dictionaries load() {
      try (InputStream compact = HhmmSegmenter.class.getResourceAsStream(COMPACT)) {
        if (compact != null) {
          return readCompact(compact.readAllBytes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + COMPACT, e);
      }
      return load("coredict.mem", "bigramdict.mem");
    }

    /**
     * The dictionaries in smartcn's serialised files {@code core} and {@code bigrams}, resources
     * next to its classes, or null when either cannot be seen from here. On the module path,
     * smartcn's module does not open that package to others, and only smartcn's own classes can
     * read them.
     */
    static Dictionaries load(String core, String bigrams) {
      InputStream coreFile = HHMMSegmenter.class.getResourceAsStream(core);
      InputStream bigramFile = HHMMSegmenter.class.getResourceAsStream(bigrams);
      if (coreFile == null || bigramFile == null) {
        IOUtils.closeWhileHandlingException(coreFile, bigramFile);
        return null;
      }
      short[] wordIndexTable;
      char[] charIndexTable;
      char[][][] words;
      int[][] wordFrequencies;
      try (ObjectInputStream in = open(coreFile)) {
        wordIndexTable = (short[]) in.readObject();
        charIndexTable = (char[]) in.readObject();
        words = (char[][][]) in.readObject();
        wordFrequencies = (int[][]) in.readObject();
      } catch (IOException e) {
        IOUtils.closeWhileHandlingException(bigramFile);
        throw new UncheckedIOException("cannot read smartcn's core dictionary", e);
      } catch (ClassNotFoundException e) {
        IOUtils.closeWhileHandlingException(bigramFile);
        throw new IllegalStateException("cannot read smartcn's core dictionary", e);
      }
      try (ObjectInputStream in = open(bigramFile)) {
        long[] bigramHashes = (long[]) in.readObject();
        int[] bigramFrequencies = (int[]) in.readObject();
        return new Dictionaries(
            wordIndexTable,
            charIndexTable,
            words,
            wordFrequencies,
            bigramHashes,
            bigramFrequencies);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read smartcn's bigram dictionary", e);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot read smartcn's bigram dictionary", e);
      }
    }

    /**
     * Writes these dictionaries in bisearch's compact form: the same arrays, in one stream of
     * big-endian numbers that {@link #readCompact} reads back without Java serialisation, which
     * spends most of its time on the core dictionary's 85,000 small arrays. A null array is written
     * as the length -1.
     */
    void writeCompact(OutputStream out) throws IOException {
      DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
      data.writeInt(COMPACT_MAGIC);
      data.writeInt(wordIndexTable.length);
      for (short value : wordIndexTable) {
        data.writeShort(value);
      }
      writeChars(data, charIndexTable);
      data.writeInt(words.length);
      for (char[][] table : words) {
        if (table == null) {
          data.writeInt(-1);
          continue;
        }
        data.writeInt(table.length);
        for (char[] item : table) {
          writeChars(data, item);
        }
      }
      data.writeInt(wordFrequencies.length);
      for (int[] table : wordFrequencies) {
        writeInts(data, table);
      }
      data.writeInt(bigramHashes.length);
      for (long value : bigramHashes) {
        data.writeLong(value);
      }
      writeInts(data, bigramFrequencies);
      data.flush();
    }

    private static void writeChars(DataOutputStream data, char[] chars) throws IOException {
      if (chars == null) {
        data.writeInt(-1);
        return;
      }
      data.writeInt(chars.length);
      for (char c : chars) {
        data.writeChar(c);
      }
    }

    private static void writeInts(DataOutputStream data, int[] ints) throws IOException {
      if (ints == null) {
        data.writeInt(-1);
        return;
      }
      data.writeInt(ints.length);
      for (int value : ints) {
        data.writeInt(value);
      }
    }

    /** Reads what {@link #writeCompact} wrote. */
    static Dictionaries readCompact(byte[] bytes) {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      try {
        if (in.getInt() != COMPACT_MAGIC) {
          throw new IllegalStateException(COMPACT + " is not a bisearch dictionary file");
        }
        short[] wordIndexTable = new short[in.getInt()];
        in.asShortBuffer().get(wordIndexTable);
        in.position(in.position() + 2 * wordIndexTable.length);
        char[] charIndexTable = readChars(in);
        char[][][] words = new char[in.getInt()][][];
        for (int t = 0; t < words.length; t++) {
          int items = in.getInt();
          if (items >= 0) {
            words[t] = new char[items][];
            for (int i = 0; i < items; i++) {
              words[t][i] = readChars(in);
            }
          }
        }
        int[][] wordFrequencies = new int[in.getInt()][];
        for (int t = 0; t < wordFrequencies.length; t++) {
          wordFrequencies[t] = readInts(in);
        }
        long[] bigramHashes = new long[in.getInt()];
        in.asLongBuffer().get(bigramHashes);
        in.position(in.position() + 8 * bigramHashes.length);
        int[] bigramFrequencies = readInts(in);
        if (in.hasRemaining()) {
          throw new IllegalStateException(COMPACT + " has " + in.remaining() + " bytes too many");
        }
        return new Dictionaries(
            wordIndexTable,
            charIndexTable,
            words,
            wordFrequencies,
            bigramHashes,
            bigramFrequencies);
      } catch (BufferUnderflowException | IllegalArgumentException e) {
        throw new IllegalStateException(COMPACT + " is cut short", e);
      }
    }

    private static char[] readChars(ByteBuffer in) {
      int length = in.getInt();
      if (length < 0) {
        return null;
      }
      char[] chars = new char[length];
      in.asCharBuffer().get(chars);
      in.position(in.position() + 2 * length);
      return chars;
    }

    private static int[] readInts(ByteBuffer in) {
      int length = in.getInt();
      if (length < 0) {
        return null;
      }
      int[] ints = new int[length];
      in.asIntBuffer().get(ints);
      in.position(in.position() + 4 * length);
      return ints;
    }

    /** Whether {@code other} holds the same dictionaries, array for array. */
    boolean sameAs(Dictionaries other) {
      return Arrays.equals(wordIndexTable, other.wordIndexTable)
          && Arrays.equals(charIndexTable, other.charIndexTable)
          && Arrays.deepEquals(words, other.words)
          && Arrays.deepEquals(wordFrequencies, other.wordFrequencies)
          && Arrays.equals(bigramHashes, other.bigramHashes)
          && Arrays.equals(bigramFrequencies, other.bigramFrequencies);
    }

    private static ObjectInputStream open(InputStream in) throws IOException {
      ObjectInputStream stream = new ObjectInputStream(in);
      stream.setObjectInputFilter(new OnlyArrays());
      return stream;
    }

    /** Lets through only the arrays smartcn serialised. */
    private static final class OnlyArrays implements ObjectInputFilter {
      @Override
      public Status checkInput(FilterInfo info) {
        return info.serialClass() == null || SERIALISED.contains(info.serialClass())
            ? Status.ALLOWED
            : Status.REJECTED;
      }
    }

    /** The table of words starting with {@code c}, or -1: smartcn's double hashing over chars. */
    private short findTable(char c) {
      int hash1 = (int) (hash1OfChar(c) % WORD_PRIME);
      int hash2 = hash2(HASH2_SEED, c) % WORD_PRIME;
      if (hash1 < 0) {
        hash1 = WORD_PRIME + hash1;
      }
      if (hash2 < 0) {
        hash2 = WORD_PRIME + hash2;
      }
      int index = hash1;
      int i = 1;
      while (charIndexTable[index] != 0 && charIndexTable[index] != c && i < WORD_PRIME) {
        index = (hash1 + i * hash2) % WORD_PRIME;
        i++;
      }
      return i < WORD_PRIME && charIndexTable[index] == c ? (short) index : -1;
    }

    /** The table of words starting with the Hanzi {@code c}, or -1. */
    int table(char c) {
      int index = tables[c - FIRST_HANZI];
      return index < 0 ? -1 : wordIndexTable[index];
    }

    private int frequency(char[] text) {
      return frequency(text, text.length);
    }

    /** The dictionary frequency of {@code text[0, length)}, which starts with a Hanzi, or 0. */
    int frequency(char[] text, int length) {
      int table = table(text[0]);
      if (table < 0) {
        return 0;
      }
      char[][] items = words[table];
      // smartcn's binary search for the exact word (the rest after its first character).
      int low = 0;
      int high = items.length - 1;
      int mid = (low + high) / 2;
      while (low <= high) {
        int cmp = -compare(text, 1, length, items[mid]);
        if (cmp == 0) {
          return wordFrequencies[table][mid];
        } else if (cmp < 0) {
          low = mid + 1;
        } else {
          high = mid - 1;
        }
        mid = (low + high) / 2;
      }
      return 0;
    }

    /**
     * The first word of {@code items} that starts with {@code prefix[1, length)}, searched from
     * {@code known} on as smartcn searches, or -1. smartcn then walks back one word at a time to
     * the first such word; words are sorted, so those sharing a prefix are contiguous and a binary
     * search finds the same first one.
     */
    static int firstWithPrefix(char[][] items, char[] prefix, int length, int known) {
      int low = known;
      int high = items.length - 1;
      int mid = (low + high) / 2;
      while (low <= high) {
        int cmp = comparePrefix(prefix, length, items[mid]);
        if (cmp == 0) {
          // Below mid, words compare as greater than or sharing the prefix, in that order.
          int first = 0;
          int last = mid;
          while (first < last) {
            int m = (first + last) >>> 1;
            if (comparePrefix(prefix, length, items[m]) == 0) {
              last = m;
            } else {
              first = m + 1;
            }
          }
          return first;
        } else if (cmp < 0) {
          high = mid - 1;
        } else {
          low = mid + 1;
        }
        mid = (low + high) / 2;
      }
      return -1;
    }

    /**
     * {@code text[from, length)} against {@code item} (null being empty), as smartcn's {@code
     * Utility.compareArray}: by character, a prefix before what it prefixes.
     */
    static int compare(char[] text, int from, int length, char[] item) {
      int itemLength = item == null ? 0 : item.length;
      int t = from;
      int i = 0;
      while (t < length && i < itemLength && text[t] == item[i]) {
        t++;
        i++;
      }
      if (t == length) {
        return i == itemLength ? 0 : -1;
      }
      if (i == itemLength) {
        return 1;
      }
      return text[t] > item[i] ? 1 : -1;
    }

    /**
     * 0 when {@code item} (null being empty) starts with {@code prefix[1, length)}, else which way
     * the prefix sorts from it, as smartcn's {@code Utility.compareArrayByPrefix}.
     */
    static int comparePrefix(char[] prefix, int length, char[] item) {
      int itemLength = item == null ? 0 : item.length;
      int p = 1;
      int i = 0;
      while (p < length && i < itemLength && prefix[p] == item[i]) {
        p++;
        i++;
      }
      if (p == length) {
        return 0;
      }
      if (i == itemLength) {
        return 1;
      }
      return prefix[p] > item[i] ? 1 : -1;
    }

    /** The frequency of a word pair, by its two hashes, in smartcn's bigram table; 0 if absent. */
    int bigramFrequency(long hashId, int secondHash) {
      int hash1 = (int) (hashId % BIGRAM_PRIME);
      int hash2 = secondHash % BIGRAM_PRIME;
      if (hash1 < 0) {
        hash1 = BIGRAM_PRIME + hash1;
      }
      if (hash2 < 0) {
        hash2 = BIGRAM_PRIME + hash2;
      }
      if (hash2 == 0) {
        // smartcn's probe would stay on this one slot for all the table's length before giving up.
        return bigramHashes[hash1] == hashId ? bigramFrequencies[hash1] : 0;
      }
      int index = hash1;
      int i = 1;
      while (bigramHashes[index] != 0 && bigramHashes[index] != hashId && i < BIGRAM_PRIME) {
        index = (hash1 + i * hash2) % BIGRAM_PRIME;
        i++;
      }
      return i < BIGRAM_PRIME && bigramHashes[index] == hashId ? bigramFrequencies[index] : 0;
    }

    /** smartcn's 64-bit FNV hash of a text, continued from {@code hash} over {@code text}. */
    static long hash1(long hash, char[] text) {
      for (char c : text) {
        hash = hash1(hash, c);
      }
      return hash;
    }

    static long hash1(long hash, char c) {
      final long prime = 1099511628211L;
      hash = (hash ^ (c & 0x00FF)) * prime;
      return (hash ^ (c >> 8)) * prime;
    }

    /** smartcn's hash of a single character, which mixes the FNV hash further. */
    private static long hash1OfChar(char c) {
      long hash = hash1(HASH1_SEED, c);
      hash += hash << 13;
      hash ^= hash >> 7;
      hash += hash << 3;
      hash ^= hash >> 17;
      hash += hash << 5;
      return hash;
    }

    /** smartcn's second hash of a text (djb2 as it writes it), continued from {@code hash}. */
    static int hash2(int hash, char[] text) {
      for (char c : text) {
        hash = hash2(hash, c);
      }
      return hash;
    }

    static int hash2(int hash, char c) {
      hash = (((hash << 5) + hash) + c) & 0x00FF;
      return (((hash << 5) + hash) + c) >> 8;
    }

    /**
     * The dictionaries, loaded on first use; null when no dictionary file can be read from here,
     * and smartcn's own segmenter then does the work. A holder of its own, so that the build's
     * {@link SegmenterDictionaryFile} can read smartcn's files without loading them twice.
     */
    static final class Holder {
      static final Dictionaries INSTANCE = load();

      private Holder() {}
    }
  }
}
