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
import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.util.IOUtils;

/**
 * smartcn's core and bigram dictionaries, as the arrays its own classes hold them in, with the
 * lookups its classes make on them, for {@link HhmmSegmenter}.
 *
 * <p>Read from a compact copy that the build writes ({@link SegmenterDictionaryFile}), else from
 * smartcn's own Java-serialised files in its jar. On the module path, smartcn's module does not
 * open the package that holds its files, so only its classes can read them; the build's copy is in
 * bisearch's own jar.
 */
final class SegmenterDictionaries {
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

  /** {@link #pairTable()}, once made. */
  private PairTable pairs;

  /** {@link #prefixTable()}, once made. */
  private CharPairTable prefixes;

  /** {@link #table} of each Hanzi, the only characters looked up: -1 when it has none. */
  private final short[] tables = new short[LAST_HANZI - FIRST_HANZI + 1];

  /**
   * The frequency of each Hanzi as a word of its own ({@link #frequency(char)}), in one small
   * array: every Hanzi of every sentence asks for it.
   */
  private final int[] hanziFrequencies = new int[LAST_HANZI - FIRST_HANZI + 1];

  final int start;
  final int end;
  final int string;
  final int number;

  private SegmenterDictionaries(
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
      hanziFrequencies[c - FIRST_HANZI] = ownFrequency((char) c);
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
  private static SegmenterDictionaries load() {
    try (InputStream compact = SegmenterDictionaries.class.getResourceAsStream(COMPACT)) {
      if (compact != null) {
        return readCompact(compact.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMPACT, e);
    }
    return load("coredict.mem", "bigramdict.mem");
  }

  /**
   * The dictionaries in smartcn's serialised files {@code core} and {@code bigrams}, resources next
   * to its classes, or null when either cannot be seen from here. On the module path, smartcn's
   * module does not open that package to others, and only smartcn's own classes can read them.
   */
  static SegmenterDictionaries load(String core, String bigrams) {
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
      return new SegmenterDictionaries(
          wordIndexTable, charIndexTable, words, wordFrequencies, bigramHashes, bigramFrequencies);
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
  static SegmenterDictionaries readCompact(byte[] bytes) {
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
      return new SegmenterDictionaries(
          wordIndexTable, charIndexTable, words, wordFrequencies, bigramHashes, bigramFrequencies);
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
  boolean sameAs(SegmenterDictionaries other) {
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

  /** The frequency of the Hanzi {@code c} as a word of its own, or 0: {@link #frequency} of it. */
  int frequency(char c) {
    return hanziFrequencies[c - FIRST_HANZI];
  }

  /**
   * The frequency of the Hanzi {@code c} as a word of its own, or 0: what {@link #frequency} gives
   * for it. The rest of a one-character word is empty, which sorts before every other rest, so the
   * word is the first of its table when it is there at all.
   */
  private int ownFrequency(char c) {
    int table = table(c);
    if (table < 0) {
      return 0;
    }
    char[][] items = words[table];
    return items.length > 0 && (items[0] == null || items[0].length == 0)
        ? wordFrequencies[table][0]
        : 0;
  }

  /**
   * The frequency of word {@code item} of {@code table}: what {@link #frequency} gives for that
   * word, since no table holds a word twice ({@code HhmmSegmenterTest} checks that each is strictly
   * sorted).
   */
  int frequencyAt(int table, int item) {
    return wordFrequencies[table][item];
  }

  /**
   * The first word of {@code items} that starts with {@code prefix[1, length)}, or -1, where no
   * word before {@code known} does: smartcn's answer, which searches from {@code known} on and then
   * walks back one word at a time to the first such word.
   *
   * <p>Words are sorted, those before the prefix first, then those starting with it, then those
   * after it. {@code known} is where the words with the prefix one character shorter begin, and the
   * longer prefix's words are among those. Past a table's first word (a prefix of two characters or
   * more), they are mostly a few places on: the search gallops from {@code known} in growing steps
   * until it passes the first word not before the prefix, then halves what is left. From the first
   * word (a table's words all share its one character), it halves the whole table.
   */
  static int firstWithPrefix(char[][] items, char[] prefix, int length, int known) {
    if (length == 1) {
      return items.length > 0 ? 0 : -1; // every word starts with an empty rest
    }
    int low = known; // every word in [known, low) sorts before the prefix
    int high = items.length;
    if (known > 0) {
      high = known;
      int step = 1;
      while (high < items.length && comparePrefix(prefix, length, items[high]) > 0) {
        low = high + 1;
        high = low + step;
        step <<= 1;
      }
      high = Math.min(high, items.length);
    }
    // The first word not before the prefix is in [low, high]; high is one, or the end.
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (comparePrefix(prefix, length, items[mid]) > 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < items.length && comparePrefix(prefix, length, items[low]) == 0 ? low : -1;
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

  /**
   * The same word pairs as smartcn's bigram table, by hash alone, in a table at most 40% full;
   * {@link PairTable#NONE} when two slots of smartcn's table hold one hash (then only smartcn's
   * probe gives its answer). Made on the first call, in about as long as loading the dictionaries
   * takes: worth it for indexing, not for a query's few sentences.
   *
   * <p>Most pairs looked up are in no dictionary, and smartcn's table is nearly full, so its probe
   * for such a pair visits several slots, each a division and a cache miss; this table's visits one
   * or two.
   */
  synchronized PairTable pairTable() {
    if (pairs == null) {
      pairs = PairTable.of(bigramHashes, bigramFrequencies);
    }
    return pairs;
  }

  /**
   * Where each table's words with each second character begin, by a word's first two characters:
   * what {@link #firstWithPrefix} finds for a prefix of two characters (-1 where no word has it),
   * in one or two probes of one array instead of a binary search over the table's words, each a
   * cache miss or two. Made on the first call, in a few milliseconds: worth it for indexing, not
   * for a query's few sentences.
   */
  synchronized CharPairTable prefixTable() {
    if (prefixes == null) {
      int pairs = 0;
      for (int c = FIRST_HANZI; c <= LAST_HANZI; c++) {
        int table = table((char) c);
        for (int k = 0; table >= 0 && k < words[table].length; k++) {
          pairs += startsSecondCharacter(words[table], k) ? 1 : 0;
        }
      }
      CharPairTable made = new CharPairTable(pairs);
      for (int c = FIRST_HANZI; c <= LAST_HANZI; c++) {
        int table = table((char) c);
        for (int k = 0; table >= 0 && k < words[table].length; k++) {
          if (startsSecondCharacter(words[table], k)) {
            made.put((char) c, words[table][k][0], k);
          }
        }
      }
      prefixes = made;
    }
    return prefixes;
  }

  /**
   * Whether word {@code k} is the first of its sorted table with its second character (the first of
   * its rest).
   */
  private static boolean startsSecondCharacter(char[][] items, int k) {
    if (items[k] == null || items[k].length == 0) {
      return false;
    }
    char[] before = k == 0 ? null : items[k - 1];
    return before == null || before.length == 0 || before[0] != items[k][0];
  }

  /**
   * The frequency of a word pair, by its two hashes, in smartcn's bigram table; 0 if absent: from
   * {@code pairs} when it has the pair's answer, else by smartcn's probe.
   */
  int bigramFrequency(long hashId, int secondHash, PairTable pairs) {
    // A stored pair lies on its own probe sequence before any empty slot, and no other slot holds
    // its hash, so smartcn's probe finds exactly the frequency stored under the hash. A hash of 0
    // is an empty slot's: only smartcn's probe says what that gives.
    return pairs != null && pairs.keys != null && hashId != 0
        ? pairs.get(hashId)
        : bigramFrequency(hashId, secondHash);
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

  /**
   * Word pairs' frequencies by their 64-bit hash: open addressing, linear probing, behind a filter.
   *
   * <p>Most pairs a segmenter looks up are not in the table (five in six, on the generated and the
   * shared corpora), and the table, megabytes large, is read at random. So two bits of a 512 KB
   * filter, a small part of the table's size and more often in cache, are set for each stored hash;
   * a hash whose bits are not both set is absent without reading the table. Stored hashes always
   * pass, so the answers are the table's.
   */
  static final class PairTable {
    /** No table: smartcn's has a hash twice. */
    static final PairTable NONE = new PairTable(0);

    /** The filter's size in 64-bit words: 2^16, 512 KB. */
    private static final int FILTER_WORDS_LOG2 = 16;

    /** Null in {@link #NONE}. */
    private final long[] keys;

    private final int[] values;
    private final int mask;

    /** Null in {@link #NONE}. */
    private final long[] filter;

    private PairTable(int capacity) {
      keys = capacity == 0 ? null : new long[capacity];
      values = capacity == 0 ? null : new int[capacity];
      filter = capacity == 0 ? null : new long[1 << FILTER_WORDS_LOG2];
      mask = capacity - 1;
    }

    /** The pairs of smartcn's table, or {@link #NONE} when one hash is in two of its slots. */
    static PairTable of(long[] hashes, int[] frequencies) {
      int stored = 0;
      for (long hash : hashes) {
        if (hash != 0) {
          stored++;
        }
      }
      int capacity = Integer.highestOneBit(Math.max(16, stored * 5 / 2)) << 1;
      PairTable table = new PairTable(capacity);
      for (int i = 0; i < hashes.length; i++) {
        if (hashes[i] != 0 && !table.put(hashes[i], frequencies[i])) {
          return NONE;
        }
      }
      return table;
    }

    private static long mix(long key) {
      return key * 0x9E3779B97F4A7C15L;
    }

    private int slot(long mixed) {
      return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    /** The filter's word for a mixed key: its top bits. */
    private static int filterWord(long mixed) {
      return (int) (mixed >>> (64 - FILTER_WORDS_LOG2));
    }

    /** The filter's two bits in its word for a mixed key, from bits that do not choose the word. */
    private static long filterBits(long mixed) {
      return (1L << (mixed >>> 36)) | (1L << (mixed >>> 42));
    }

    /** Adds a pair; false if its hash is there already. */
    private boolean put(long key, int value) {
      long mixed = mix(key);
      int at = slot(mixed);
      while (keys[at] != 0) {
        if (keys[at] == key) {
          return false;
        }
        at = (at + 1) & mask;
      }
      keys[at] = key;
      values[at] = value;
      filter[filterWord(mixed)] |= filterBits(mixed);
      return true;
    }

    /** The frequency stored under {@code key} (not 0), or 0. */
    int get(long key) {
      long mixed = mix(key);
      long bits = filterBits(mixed);
      if ((filter[filterWord(mixed)] & bits) != bits) {
        return 0;
      }
      int at = slot(mixed);
      long found;
      while ((found = keys[at]) != 0) {
        if (found == key) {
          return values[at];
        }
        at = (at + 1) & mask;
      }
      return 0;
    }
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
   * The dictionaries, loaded on first use; null when no dictionary file can be read from here, and
   * smartcn's own segmenter then does the work. A holder of its own, so that the build's {@link
   * SegmenterDictionaryFile} can read smartcn's files without loading them twice.
   */
  static final class Holder {
    static final SegmenterDictionaries INSTANCE = load();

    private Holder() {}
  }
}
