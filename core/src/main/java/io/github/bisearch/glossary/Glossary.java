package io.github.bisearch.glossary;

import io.github.bisearch.BiSearchException;
import io.github.bisearch.analysis.CharPairTable;
import io.github.bisearch.analysis.TextNormalizer;
import io.github.bisearch.analysis.WordsAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * A set of Chinese⇄English {@link Concept concepts} with longest-match lookup over raw text.
 *
 * <p>The file format is UTF-8 text, one concept a line: Chinese terms separated by {@code |}, a
 * TAB, English terms separated by {@code |}. Lines starting with {@code #} and blank lines are
 * ignored. Matching ignores case, width and Traditional/Simplified differences, and an English
 * plural ending. Instances are immutable and thread-safe.
 */
public final class Glossary {
  private static final String BUILT_IN = "glossary.tsv";

  private final List<Concept> concepts;
  private final TrieNode root = new TrieNode();

  /** The root's children for the common Han characters, by {@link Unit#commonHanIndex}. */
  private final TrieNode[] rootHan = new TrieNode[Unit.COMMON_HAN_COUNT];

  /** The nodes two common Han characters down from the root, by the two characters. */
  private final HanPairs hanPairs;

  /** How many of the first concepts are the built-in glossary's, in its order. */
  private final int builtIn;

  /** Concept ids by indexed key, made on first use (indexing needs them, queries do not). */
  private volatile Map<String, String[]> idsByKey;

  private Glossary(List<Concept> concepts, int builtIn) {
    this.concepts = List.copyOf(concepts);
    this.builtIn = builtIn;
    for (int i = 0; i < this.concepts.size(); i++) {
      Concept concept = this.concepts.get(i);
      for (String term : concept.terms()) {
        insert(term, concept, i);
      }
    }
    hanPairs = HanPairs.of(rootHan);
  }

  /** The glossary that ships with bisearch, loaded once on first use. */
  public static Glossary builtIn() {
    return BuiltInHolder.GLOSSARY;
  }

  /** A glossary of the given concepts. */
  static Glossary of(List<Concept> concepts) {
    return new Glossary(concepts, 0);
  }

  /** A glossary with no concepts: queries are then matched only as written. */
  public static Glossary empty() {
    return new Glossary(List.of(), 0);
  }

  /**
   * Reads a glossary file.
   *
   * @throws GlossaryFormatException if a line is malformed; the message names file and line
   * @throws BiSearchException if the file is missing or cannot be read
   */
  public static Glossary load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), reader);
    } catch (NoSuchFileException e) {
      throw new BiSearchException(file + ": no such glossary file");
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "is a directory" : e.getMessage();
      throw new BiSearchException("cannot read glossary " + file + ": " + reason, e);
    }
  }

  /** Reads a glossary in the documented format; {@code name} is used in error messages. */
  public static Glossary parse(String name, Reader reader) throws IOException {
    return new Glossary(read(name, reader), 0);
  }

  private static List<Concept> read(String name, Reader reader) throws IOException {
    List<Concept> concepts = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
        throw new GlossaryFormatException(
            name + ":" + number + ": expected Chinese terms, one TAB, English terms");
      }
      List<String> chinese = terms(line.substring(0, tab));
      List<String> english = terms(line.substring(tab + 1));
      if (chinese.isEmpty() || english.isEmpty()) {
        throw new GlossaryFormatException(name + ":" + number + ": a side has no term");
      }
      concepts.add(new Concept(chinese, english));
    }
    return concepts;
  }

  /** This glossary and {@code other} together. */
  public Glossary with(Glossary other) {
    List<Concept> all = new ArrayList<>(concepts);
    all.addAll(other.concepts);
    return new Glossary(all, builtIn);
  }

  /** All concepts, in file order. */
  public List<Concept> concepts() {
    return concepts;
  }

  /** Number of concepts. */
  public int size() {
    return concepts.size();
  }

  /**
   * The key under which documents index {@code term}'s occurrences (see {@link #indexedTerms}), or
   * null when {@code term} is no glossary term or one that is not indexed.
   */
  public String indexedKey(String term) {
    TrieNode node = indexedNode(term);
    return node == null ? null : node.indexedKey;
  }

  /**
   * The trie node of {@code term} as documents would find it (its units joined, no punctuation
   * inside), or null; a node without {@link TrieNode#indexedKey} is a term documents do not index.
   */
  private TrieNode indexedNode(String term) {
    TrieNode node = root;
    List<Unit> units = Unit.split(TextNormalizer.normalize(term));
    for (int i = 0; i < units.size(); i++) {
      node = i > 0 && !units.get(i).joined() ? null : child(node, units.get(i));
      if (node == null) {
        return null; // punctuation inside: documents would not index it as one term
      }
    }
    return node;
  }

  /**
   * The keys of all indexed glossary terms in {@code normalized} text, each occurrence once, nested
   * and overlapping ones included ({@code 虚拟机监视器} holds both {@code 虚拟机} and {@code 监视器}), ordered
   * by where they start. Terms are found as {@link #find} finds them, except that a lone Han
   * character or an English stopword is never indexed: the segmenter decides whether {@code 列}
   * stands alone, and a stopword is not searched for at all.
   */
  public List<IndexedTerm> indexedTerms(String normalized) {
    Occurrences found = new Occurrences();
    findIndexed(normalized, found);
    List<IndexedTerm> terms = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      terms.add(new IndexedTerm(found.key(i), found.start(i), found.end(i)));
    }
    return terms;
  }

  /**
   * Finds what {@link #indexedTerms} finds, into {@code into} (cleared first), each occurrence with
   * its concept ids ({@link #conceptIdsOfKey}) taken from the trie instead of looked up by key.
   */
  void findIndexed(String normalized, Occurrences into) {
    into.size = 0;
    List<Unit> units = Unit.split(normalized);
    for (int i = 0; i < units.size(); i++) {
      TrieNode node = root;
      int j = i;
      if (i + 1 < units.size() && units.get(i + 1).joined()) {
        char first = commonHan(units.get(i));
        char second = first == 0 ? 0 : commonHan(units.get(i + 1));
        if (second != 0) {
          // Two common Han characters: a lone one is never indexed, so their node is the first
          // that can be, found in one table instead of two levels of the trie.
          node = hanPairs.get(first, second);
          if (node == null) {
            continue;
          }
          if (node.indexedKey != null) {
            into.add(node, units.get(i).start(), units.get(i + 1).end());
          }
          j = i + 2;
        }
      }
      for (; j < units.size(); j++) {
        if (j > i && !units.get(j).joined()) {
          break;
        }
        node = child(node, units.get(j));
        if (node == null) {
          break;
        }
        if (node.indexedKey != null) {
          into.add(node, units.get(i).start(), units.get(j).end());
        }
      }
    }
  }

  /** The character of a unit that is one common Han character, else 0. */
  private static char commonHan(Unit unit) {
    return unit.han() && Unit.commonHanIndex(unit.text()) >= 0 ? unit.text().charAt(0) : 0;
  }

  /**
   * The trie's nodes two common Han characters below the root, by the two characters. Most places
   * in Chinese text start no term of two characters; this answers so in one probe of one array,
   * where the trie reads a node for the first character and then its children.
   */
  private static final class HanPairs {
    private final CharPairTable places;
    private final TrieNode[] nodes;

    private HanPairs(CharPairTable places, TrieNode[] nodes) {
      this.places = places;
      this.nodes = nodes;
    }

    static HanPairs of(TrieNode[] rootHan) {
      List<TrieNode> nodes = new ArrayList<>();
      for (TrieNode node : rootHan) {
        for (int at = 0; node != null && at < node.hanSlots.length; at++) {
          if (node.hanSlots[at] != 0) {
            nodes.add(node.hanSlotChildren[at]);
          }
        }
      }
      CharPairTable places = new CharPairTable(nodes.size());
      int place = 0;
      for (int index = 0; index < rootHan.length; index++) {
        TrieNode node = rootHan[index];
        for (int at = 0; node != null && at < node.hanSlots.length; at++) {
          if (node.hanSlots[at] != 0) {
            places.put(Unit.commonHan(index), node.hanSlots[at], place++);
          }
        }
      }
      return new HanPairs(places, nodes.toArray(new TrieNode[0]));
    }

    TrieNode get(char first, char second) {
      int place = places.get(first, second);
      return place < 0 ? null : nodes[place];
    }
  }

  /**
   * The indexed terms found in one text ({@link #findIndexed}): reused from text to text by one
   * tokenizer, so finding them makes no garbage beyond the units.
   */
  static final class Occurrences {
    private TrieNode[] nodes = new TrieNode[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;

    private void add(TrieNode node, int start, int end) {
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      nodes[size] = node;
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    int size() {
      return size;
    }

    String key(int i) {
      return nodes[i].indexedKey;
    }

    /**
     * The concept ids of occurrence {@code i}: those {@link #conceptIdsOfKey} gives for its key. A
     * key is the units' keys in order with a space between two units unless both are Han
     * characters; a word unit holds neither a space nor a Han character, and a Han unit is one
     * character, so the units, and with them the trie node, follow from the key: no two nodes share
     * one.
     */
    String[] ids(int i) {
      return nodes[i].ids;
    }

    int start(int i) {
      return starts[i];
    }

    int end(int i) {
      return ends[i];
    }
  }

  /**
   * The node below {@code node} for {@code unit}, or null. Children for the common Han characters,
   * which nearly all Chinese text is made of, are also kept apart from the map: the root's in an
   * array by character (the root is looked up once for every unit of every text indexed, and its
   * map is the largest), the others' in a small sorted array.
   */
  private TrieNode child(TrieNode node, Unit unit) {
    if (unit.han()) {
      int index = Unit.commonHanIndex(unit.text());
      if (index >= 0) {
        return node == root ? rootHan[index] : node.hanChild(unit.text().charAt(0));
      }
    }
    return node.next.get(unit.key());
  }

  /**
   * The occurrences of the indexed term {@code key} in {@code normalized} text: those of {@link
   * #indexedTerms} with this key, found without the work of finding every other term. Each place
   * where the key's first word or character stands is split into units and compared.
   */
  public static List<IndexedTerm> occurrences(String normalized, String key) {
    return finder(key).occurrences(normalized);
  }

  /** A finder of the occurrences of the indexed term {@code key}, for texts to come. */
  public static KeyFinder finder(String key) {
    return new KeyFinder(key);
  }

  /**
   * Finds the occurrences of one indexed term in texts ({@link #occurrences}), with what it needs
   * to know of the term worked out once.
   */
  public static final class KeyFinder {
    private final String key;

    /** What every occurrence starts with: the first character, or most of the first word. */
    private final String probe;

    private final boolean han;
    private final boolean allHan;

    /** The words of a term without Han characters; null for one with them. */
    private final String[] words;

    private KeyFinder(String key) {
      this.key = key;
      if (key.isEmpty()) {
        probe = null;
        han = false;
        allHan = false;
        words = null;
        return;
      }
      int first = key.codePointAt(0);
      han = Unit.isHan(first);
      if (han) {
        probe = key.substring(0, Character.charCount(first));
      } else {
        int space = key.indexOf(' ');
        String word = space < 0 ? key : key.substring(0, space);
        // A plural's key may end differently from the word ("policies" is "policy").
        probe = word.length() > Unit.SHORTEST_PLURAL ? word.substring(0, word.length() - 1) : word;
      }
      boolean all = true;
      boolean any = false;
      for (int i = 0; i < key.length(); ) {
        int c = key.codePointAt(i);
        boolean isHan = Unit.isHan(c);
        all &= isHan;
        any |= isHan;
        i += Character.charCount(c);
      }
      allHan = all;
      words = any ? null : key.split(" ", -1);
    }

    /** The term's key. */
    public String key() {
      return key;
    }

    /** The occurrences of the term in {@code normalized} text, ordered by where they start. */
    public List<IndexedTerm> occurrences(String normalized) {
      if (probe == null) {
        return new ArrayList<>(0);
      }
      int from = normalized.indexOf(probe);
      if (from < 0) {
        return new ArrayList<>(0); // most keys looked for are not there at all
      }
      return occurrencesFrom(normalized, from);
    }

    private List<IndexedTerm> occurrencesFrom(String normalized, int from) {
      List<IndexedTerm> found = new ArrayList<>();
      for (int at = from; at >= 0; at = normalized.indexOf(probe, at + 1)) {
        if (allHan || words != null) {
          if (words != null && at > 0 && insideWord(normalized.codePointBefore(at))) {
            continue;
          }
          int end = allHan ? hanRunEnd(normalized, at, key) : wordsEnd(normalized, at, words);
          if (end > 0) {
            found.add(new IndexedTerm(key, at, end));
          }
          continue;
        }
        if (!han && at > 0 && insideWord(normalized.codePointBefore(at))) {
          continue;
        }
        int end = Math.min(normalized.length(), at + 2 * key.length() + 8);
        List<Unit> units = Unit.split(normalized.substring(at, end));
        StringBuilder built = new StringBuilder(key.length());
        for (int k = 0; k < units.size() && built.length() < key.length(); k++) {
          Unit unit = units.get(k);
          if (k > 0 && !unit.joined()) {
            break;
          }
          if (k > 0 && !(units.get(k - 1).han() && unit.han())) {
            built.append(' ');
          }
          built.append(unit.key());
          if (built.length() == key.length()
              && built.toString().equals(key)
              && (at + unit.end() < end || end == normalized.length())) {
            found.add(new IndexedTerm(key, at + units.get(0).start(), at + unit.end()));
          }
        }
      }
      return found;
    }
  }

  /**
   * Where the Han characters of {@code key} end when they stand at {@code at}, joined as units are
   * (by nothing, white space or a hyphen), or -1.
   */
  private static int hanRunEnd(String text, int at, String key) {
    int i = at;
    for (int k = 0; k < key.length(); ) {
      int wanted = key.codePointAt(k);
      if (k > 0) {
        while (i < text.length() && Unit.joins(text.charAt(i))) {
          i++;
        }
      }
      if (i >= text.length() || text.codePointAt(i) != wanted) {
        return -1;
      }
      i += Character.charCount(wanted);
      k += Character.charCount(wanted);
    }
    return i;
  }

  /**
   * Where the words whose keys are {@code words} end when the first starts at {@code at}, each
   * joined to the one before as units are (by white space or hyphens), or -1.
   */
  private static int wordsEnd(String text, int at, String[] words) {
    int i = at;
    for (int w = 0; w < words.length; w++) {
      if (w > 0) {
        int gap = i;
        while (i < text.length() && Unit.joins(text.charAt(i))) {
          i++;
        }
        if (i == gap) {
          return -1;
        }
      }
      int start = i;
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        if (!Unit.isWordChar(cp) || Unit.isHan(cp)) {
          break;
        }
        i += Character.charCount(cp);
      }
      if (i == start || !Unit.keyOf(text.substring(start, i)).equals(words[w])) {
        return -1;
      }
    }
    return i;
  }

  /** Whether a word that follows {@code before} is only the rest of a word. */
  private static boolean insideWord(int before) {
    return Unit.isWordChar(before) && !Unit.isHan(before);
  }

  /**
   * An occurrence of an indexed glossary term.
   *
   * @param key the term's key, the same for every spelling the glossary treats as one
   * @param start start offset in the normalized text
   * @param end end offset in the normalized text
   */
  public record IndexedTerm(String key, int start, int end) {}

  /**
   * The ids of the concepts that the indexed term {@code term} names, as the index's concept field
   * holds them ({@link #conceptIdsOfKey}), or null when the index cannot answer for it: the term is
   * not indexed, or one of its concepts is not the built-in glossary's (a glossary of one's own
   * adds terms that the index never saw as concepts).
   */
  public String[] conceptIds(String term) {
    TrieNode node = indexedNode(term);
    if (node == null || node.indexedKey == null || node.ids.length == 0) {
      return null;
    }
    for (int ordinal : node.ordinals) {
      if (ordinal >= builtIn) {
        return null;
      }
    }
    return node.ids.clone();
  }

  /**
   * The ids of the concepts of the indexed term with {@code key} ({@link #indexedTerms}): what the
   * index's concept field holds for each occurrence of the term. An id is the concept's place in
   * this glossary, so ids of the built-in glossary are stable for one {@link #builtInFingerprint}.
   */
  public String[] conceptIdsOfKey(String key) {
    Map<String, String[]> table = idsByKey;
    if (table == null) {
      Map<String, String[]> made = new HashMap<>();
      collectIds(root, made);
      table = made;
      idsByKey = table;
    }
    String[] ids = table.get(key);
    return ids == null ? NO_IDS : ids;
  }

  private static final String[] NO_IDS = new String[0];

  private static void collectIds(TrieNode node, Map<String, String[]> into) {
    if (node.indexedKey != null) {
      into.put(node.indexedKey, node.ids);
    }
    for (TrieNode next : node.next.values()) {
      collectIds(next, into);
    }
  }

  /**
   * A checksum of the built-in glossary's file, which indexes record: the terms and concept ids
   * they hold depend on it. Read from the file's bytes without parsing it, so that opening an index
   * does not wait for the glossary to load.
   */
  public static String builtInFingerprint() {
    try (InputStream in = builtInFile()) {
      CRC32C crc = new CRC32C();
      byte[] buffer = new byte[16 * 1024];
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
      }
      return Long.toHexString(crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bisearch resource " + BUILT_IN, e);
    }
  }

  /** The concepts that {@code term} names exactly (after normalization), or an empty list. */
  public List<Concept> lookup(String term) {
    List<Unit> units = Unit.split(TextNormalizer.normalize(term));
    TrieNode node = root;
    for (Unit unit : units) {
      node = child(node, unit);
      if (node == null) {
        return List.of();
      }
    }
    return units.isEmpty() ? List.of() : List.copyOf(node.concepts);
  }

  /**
   * Finds glossary terms in {@code normalized} text (as produced by {@link
   * TextNormalizer#normalize}), scanning left to right and taking the longest term at each place.
   * Terms never start or end inside a word, and never span punctuation.
   */
  public List<GlossaryMatch> find(String normalized) {
    return find(normalized, Integer.MAX_VALUE);
  }

  /** Like {@link #find(String)}, taking only terms of at most {@code maxUnits} units. */
  public List<GlossaryMatch> find(String normalized, int maxUnits) {
    List<Unit> units = Unit.split(normalized);
    List<GlossaryMatch> matches = new ArrayList<>();
    int i = 0;
    while (i < units.size()) {
      TrieNode node = root;
      int longest = -1;
      List<Concept> found = null;
      for (int j = i; j < units.size() && j - i < maxUnits; j++) {
        if (j > i && !units.get(j).joined()) {
          break;
        }
        node = child(node, units.get(j));
        if (node == null) {
          break;
        }
        if (!node.concepts.isEmpty()) {
          longest = j;
          found = node.concepts;
        }
      }
      if (longest < 0) {
        i++;
        continue;
      }
      int start = units.get(i).start();
      int end = units.get(longest).end();
      matches.add(new GlossaryMatch(normalized.substring(start, end), start, end, found));
      i = longest + 1;
    }
    return matches;
  }

  private void insert(String term, Concept concept, int ordinal) {
    List<Unit> units = Unit.split(TextNormalizer.normalize(term));
    if (units.isEmpty()) {
      return;
    }
    TrieNode node = root;
    for (Unit unit : units) {
      TrieNode next = node.next.get(unit.key());
      if (next == null) {
        next = new TrieNode();
        node.next.put(unit.key(), next);
        int index = unit.han() ? Unit.commonHanIndex(unit.text()) : -1;
        if (node == root && index >= 0) {
          rootHan[index] = next;
        } else if (index >= 0) {
          node.addHanChild(unit.text().charAt(0), next);
        }
      }
      node = next;
    }
    if (node.indexedKey == null && isIndexed(units)) {
      node.indexedKey = key(units);
    }
    if (!containsSame(node.concepts, concept)) {
      node.concepts.add(concept);
      node.ordinals = Arrays.copyOf(node.ordinals, node.ordinals.length + 1);
      node.ordinals[node.ordinals.length - 1] = ordinal;
      node.ids = Arrays.copyOf(node.ids, node.ids.length + 1);
      node.ids[node.ids.length - 1] = Integer.toString(ordinal, Character.MAX_RADIX);
    }
  }

  /**
   * Whether {@code concepts} holds an equal concept (a line repeated, or a glossary of one's own
   * repeating a built-in concept), compared by hand: a record's generated equals is linked on first
   * use, which costs more at start-up than all the comparisons.
   */
  private static boolean containsSame(List<Concept> concepts, Concept concept) {
    for (Concept known : concepts) {
      if (known == concept
          || (known.chinese().equals(concept.chinese())
              && known.english().equals(concept.english()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether documents index a term of these units: one that {@link #find} can find (no punctuation
   * inside), and neither a lone Han character nor a lone English stopword.
   */
  private static boolean isIndexed(List<Unit> units) {
    for (int i = 1; i < units.size(); i++) {
      if (!units.get(i).joined()) {
        return false;
      }
    }
    if (units.size() == 1) {
      Unit unit = units.get(0);
      return !unit.han() && !WordsAnalyzer.isStopword(unit.text());
    }
    return true;
  }

  /** The units' keys, a space between two units unless both are Han characters. */
  private static String key(List<Unit> units) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < units.size(); i++) {
      if (i > 0 && !(units.get(i - 1).han() && units.get(i).han())) {
        key.append(' ');
      }
      key.append(units.get(i).key());
    }
    return key.toString();
  }

  private static List<String> terms(String side) {
    Set<String> terms = new LinkedHashSet<>();
    for (String term : side.split("\\|", -1)) {
      String t = term.strip();
      if (!t.isEmpty()) {
        terms.add(t);
      }
    }
    return List.copyOf(terms);
  }

  private static final class TrieNode {
    /** No Han children: one empty slot, shared; a node's first child replaces it. */
    private static final char[] NO_HAN_SLOTS = new char[1];

    private static final TrieNode[] NO_HAN_CHILDREN = new TrieNode[1];

    final Map<String, TrieNode> next = new HashMap<>();
    final List<Concept> concepts = new ArrayList<>(1);

    /** Set when the term ending here is indexed: its key. */
    String indexedKey;

    /** The places of {@link #concepts} in the glossary, and the same as concept ids. */
    int[] ordinals = new int[0];

    String[] ids = NO_IDS;

    /**
     * The children in {@link #next} for common Han characters again, by character in a small
     * open-addressing table (at most half full, linear probing; 0 marks an empty slot, and no Han
     * character is 0): looked up without hashing a string or following a map's entries, and in one
     * or two probes where a binary search over a node's many children took a dozen.
     */
    private char[] hanSlots = NO_HAN_SLOTS;

    private TrieNode[] hanSlotChildren = NO_HAN_CHILDREN;
    private int hanCount;

    TrieNode hanChild(char c) {
      int mask = hanSlots.length - 1;
      for (int at = hanSlot(c, mask); ; at = (at + 1) & mask) {
        char key = hanSlots[at];
        if (key == c) {
          return hanSlotChildren[at];
        }
        if (key == 0) {
          return null;
        }
      }
    }

    void addHanChild(char c, TrieNode child) {
      if ((hanCount + 1) * 2 > hanSlots.length) {
        char[] oldSlots = hanSlots;
        TrieNode[] oldChildren = hanSlotChildren;
        hanSlots = new char[Math.max(4, oldSlots.length * 2)];
        hanSlotChildren = new TrieNode[hanSlots.length];
        for (int i = 0; i < oldSlots.length; i++) {
          if (oldSlots[i] != 0) {
            put(oldSlots[i], oldChildren[i]);
          }
        }
      }
      put(c, child);
      hanCount++;
    }

    private void put(char c, TrieNode child) {
      int mask = hanSlots.length - 1;
      int at = hanSlot(c, mask);
      while (hanSlots[at] != 0) {
        at = (at + 1) & mask;
      }
      hanSlots[at] = c;
      hanSlotChildren[at] = child;
    }

    private static int hanSlot(char c, int mask) {
      int mixed = c * 0x9E3779B1;
      return (mixed ^ (mixed >>> 16)) & mask;
    }
  }

  /** The built-in glossary's file. */
  private static InputStream builtInFile() {
    InputStream in = Glossary.class.getResourceAsStream(BUILT_IN);
    if (in == null) {
      throw new IllegalStateException("bisearch resource missing from the classpath: " + BUILT_IN);
    }
    return in;
  }

  private static final class BuiltInHolder {
    static final Glossary GLOSSARY = loadBuiltIn();

    private static Glossary loadBuiltIn() {
      try (InputStream in = builtInFile()) {
        List<Concept> concepts = read(BUILT_IN, new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Glossary(concepts, concepts.size());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bisearch resource " + BUILT_IN, e);
      }
    }
  }

  @Override
  public String toString() {
    return "Glossary[" + concepts.size() + " concepts]";
  }
}
