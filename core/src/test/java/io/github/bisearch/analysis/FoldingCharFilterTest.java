package io.github.bisearch.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.RandomText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.junit.jupiter.api.Test;

/**
 * {@link ChineseVariants#fold} against the chain of Lucene char filters it replaced, kept here as
 * the reference: the same characters and the same corrected offset for every offset, whatever the
 * text and however it is read.
 *
 * <p>Replay a failure with {@code -Dtests.seed=N}, N being the seed in its message.
 */
class FoldingCharFilterTest {
  private static final NormalizeCharMap REFERENCE_TABLE = referenceTable();

  /** The Traditional characters of the table, and what they map to. */
  private static final String TRADITIONAL;

  private static final String SIMPLIFIED;

  static {
    StringBuilder traditional = new StringBuilder();
    StringBuilder simplified = new StringBuilder();
    for (String[] pair : tablePairs()) {
      traditional.append(pair[0]);
      simplified.append(pair[1]);
    }
    TRADITIONAL = traditional.toString();
    SIMPLIFIED = simplified.toString();
  }

  /** The folding as it was before FoldingCharFilter. */
  private static Reader referenceFold(Reader reader) {
    // Width first: the Traditional table is keyed on ordinary (not full-width) characters.
    return new MappingCharFilter(
        REFERENCE_TABLE, new CJKWidthCharFilter(new ReferenceLoneSurrogates(reader)));
  }

  private static List<String[]> tablePairs() {
    List<String[]> pairs = new ArrayList<>();
    try (InputStream in = ChineseVariants.class.getResourceAsStream("t2s.tsv")) {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          int tab = line.indexOf('\t');
          pairs.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pairs;
  }

  private static NormalizeCharMap referenceTable() {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    builder.add("\u3000", " ");
    for (String[] pair : tablePairs()) {
      builder.add(pair[0], pair[1]);
    }
    return builder.build();
  }

  /** The reader that replaced unpaired surrogates with U+FFFD in the chain before. */
  private static final class ReferenceLoneSurrogates extends Reader {
    private final Reader in;
    private final char[] chunk = new char[1024];
    private int position;
    private int limit;
    private int pairedLow = -1;

    ReferenceLoneSurrogates(Reader in) {
      this.in = in;
    }

    private int next() throws IOException {
      if (position == limit) {
        limit = in.read(chunk, 0, chunk.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      return chunk[position++];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      int n = 0;
      if (pairedLow >= 0) {
        buffer[offset + n++] = (char) pairedLow;
        pairedLow = -1;
      }
      while (n < length) {
        int c = next();
        if (c < 0) {
          break;
        }
        char ch = (char) c;
        if (Character.isHighSurrogate(ch)) {
          int low = next();
          if (low >= 0 && Character.isLowSurrogate((char) low)) {
            buffer[offset + n++] = ch;
            if (n < length) {
              buffer[offset + n++] = (char) low;
            } else {
              pairedLow = low;
            }
            continue;
          }
          if (low >= 0) {
            position--;
          }
          buffer[offset + n++] = '\uFFFD';
        } else if (Character.isLowSurrogate(ch)) {
          buffer[offset + n++] = '\uFFFD';
        } else {
          buffer[offset + n++] = ch;
        }
      }
      return n == 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** A reader that hands its text out a few characters at a time, as a slow source would. */
  private static final class Trickle extends Reader {
    private final String text;
    private final Random sizes;
    private final int most;
    private int position;

    Trickle(String text, long seed, int most) {
      this.text = text;
      this.sizes = new Random(seed);
      this.most = most;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(length, 1 + sizes.nextInt(most)), text.length() - position);
      text.getChars(position, position + n, buffer, offset);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }

  /** What a reader gave out, and its corrected offset for each offset up to one past the end. */
  record Folded(String text, int[] offsets) {}

  /**
   * Reads all of {@code reader}: one character at a time if {@code size} is 0, with a buffer of
   * {@code size} if it is positive, and with sizes drawn from {@code seed} up to -{@code size}
   * otherwise, at an offset into a larger array.
   */
  private static Folded readAll(Reader reader, int size, long seed) throws IOException {
    StringBuilder out = new StringBuilder();
    if (size == 0) {
      for (int c = reader.read(); c != -1; c = reader.read()) {
        out.append((char) c);
      }
    } else if (size > 0) {
      char[] buffer = new char[size];
      for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
        out.append(buffer, 0, n);
      }
    } else {
      Random sizes = new Random(seed);
      char[] buffer = new char[-size + 8];
      while (true) {
        int offset = sizes.nextInt(8);
        int n = reader.read(buffer, offset, 1 + sizes.nextInt(-size));
        if (n == -1) {
          break;
        }
        out.append(buffer, offset, n);
      }
    }
    int[] offsets = new int[out.length() + 2];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = ((CharFilter) reader).correctOffset(i);
    }
    reader.close();
    return new Folded(out.toString(), offsets);
  }

  private static void assertSameAsReference(
      String text, Function<String, Reader> source, int size, long seed, Supplier<String> where)
      throws IOException {
    Folded expected = readAll(referenceFold(source.apply(text)), size, seed);
    Folded actual = readAll(ChineseVariants.fold(source.apply(text)), size, seed);
    assertEquals(expected.text(), actual.text(), where);
    assertArrayEquals(expected.offsets(), actual.offsets(), where);
  }

  private static Folded fold(String text) throws IOException {
    return readAll(ChineseVariants.fold(new StringReader(text)), 1024, 0);
  }

  /** Text built from what folding treats differently, now and then far longer than a buffer. */
  private static String randomText(Random random, RandomText words) {
    int pieces = random.nextInt(10) == 0 ? 2000 + random.nextInt(2000) : random.nextInt(30);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      int length = 1 + random.nextInt(random.nextBoolean() ? 3 : 12);
      int kind = random.nextInt(14);
      for (int j = 0; j < length; j++) {
        switch (kind) {
          case 0 -> text.append((char) (0x20 + random.nextInt(0x5F)));
          case 1 -> text.append((char) random.nextInt(0x100));
          case 2 -> text.append((char) (0xFF00 + random.nextInt(0xF0)));
          case 3 -> text.append((char) (0xFF61 + random.nextInt(0x3F)));
          case 4 -> text.append(random.nextBoolean() ? '\uFF9E' : '\uFF9F');
          case 5 -> text.append((char) (0x3000 + random.nextInt(0x100)));
          case 6 -> text.append(TRADITIONAL.charAt(random.nextInt(TRADITIONAL.length())));
          case 7 -> text.append(SIMPLIFIED.charAt(random.nextInt(SIMPLIFIED.length())));
          case 8 -> text.append((char) (0x3400 + random.nextInt(0x9FFF - 0x3400)));
          case 9 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
          case 10 -> text.append((char) (0xD800 + random.nextInt(0x800)));
          case 11 -> text.append((char) random.nextInt(0x10000));
          case 12 -> text.append(random.nextBoolean() ? '\u3000' : ' ');
          default -> text.append(words.shortPiece());
        }
      }
    }
    return text.toString();
  }

  @Test
  void randomTextFoldsAsTheReferenceDoes() throws IOException {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    RandomText words = new RandomText(random);
    int[] sizes = {0, 1, 2, 3, 5, 7, 13, 64, 255, 1000, 1024, 4096, 10007, -3, -40, -3000};
    int longTexts = 0;
    for (int i = 0; i < 2000; i++) {
      String text = randomText(random, words);
      if (text.length() > 8192) {
        longTexts++;
      }
      int size = sizes[random.nextInt(sizes.length)];
      long readSeed = random.nextLong();
      int most = random.nextBoolean() ? 1 + random.nextInt(7) : 1 + random.nextInt(5000);
      // Under a char filter, as before, the corrected offsets do not look through to its own.
      Function<String, Reader> source =
          switch (random.nextInt(3)) {
            case 0 -> StringReader::new;
            case 1 -> t -> new Trickle(t, readSeed, most);
            default -> t -> new MappingCharFilter(dropQ(), new StringReader(t));
          };
      int n = i;
      assertSameAsReference(
          text,
          source,
          size,
          readSeed,
          () -> "seed=" + seed + " text #" + n + " read size " + size + ": " + describe(text));
    }
    assertTrue(longTexts > 50, "too few long texts: " + longTexts);
  }

  private static NormalizeCharMap dropQ() {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    builder.add("q", "");
    builder.add("x", "xx");
    return builder.build();
  }

  private static String describe(String text) {
    return text.length() > 200 ? RandomText.describe(text.substring(0, 200)) + "…" : text;
  }

  @Test
  void everyCharacterFoldsAsTheReferenceDoesNextToSoundMarks() throws IOException {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      String text = "a" + ch + '\uFF9E' + ch + '\uFF9F' + ch;
      Supplier<String> where = () -> "U+" + Integer.toHexString(ch);
      assertSameAsReference(text, StringReader::new, 1024, 0, where);
      // Read two at a time, the character before each sound mark ends a read.
      assertSameAsReference(text, StringReader::new, 2, 0, where);
    }
  }

  @Test
  void widthAndScriptAreFolded() throws IOException {
    Folded folded = fold("ＤＯＣＫＥＲ　Ｈｕｂ 虛擬化");
    assertEquals("DOCKER Hub 虚拟化", folded.text());
    for (int i = 0; i < folded.offsets().length; i++) {
      assertEquals(i, folded.offsets()[i]);
    }
  }

  @Test
  void soundMarksCombineWithTheKatakanaBeforeThem() throws IOException {
    Folded folded = fold("ｶﾞｷﾞx");
    assertEquals("ガギx", folded.text());
    assertArrayEquals(new int[] {0, 2, 4, 5, 6}, folded.offsets());
    assertEquals("ヴ", fold("ウﾞ").text());
    assertEquals("パ", fold("ﾊﾟ").text());
  }

  @Test
  void soundMarksWithNothingToCombineWithStandAlone() throws IOException {
    assertEquals("\u3099カ", fold("ﾞｶ").text());
    assertEquals("ガ\u3099", fold("ｶﾞﾞ").text());
    assertEquals("a\u309A", fold("aﾟ").text());
  }

  @Test
  void soundMarkCombinesWhenReadOneCharacterAtATime() throws IOException {
    Folded folded = readAll(ChineseVariants.fold(new StringReader("ｶﾞ")), 0, 0);
    assertEquals("ガ", folded.text());
    assertArrayEquals(new int[] {0, 2, 3}, folded.offsets());
  }

  @Test
  void surrogatePairsStayAndLoneHalvesBecomeReplacementCharacters() throws IOException {
    assertEquals(
        "\uD83D\uDE00a\uFFFDb\uFFFD\uFFFD", fold("\uD83D\uDE00a\uD83Db\uDE00\uD83D").text());
    Folded oneByOne = readAll(ChineseVariants.fold(new StringReader("\uD83D\uDE00\uDE00")), 1, 0);
    assertEquals("\uD83D\uDE00\uFFFD", oneByOne.text());
  }
}
