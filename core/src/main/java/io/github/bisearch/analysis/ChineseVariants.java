package io.github.bisearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;

/**
 * Character-level folding shared by every chain: full-width ASCII to half-width (and half-width
 * katakana to full-width), the ideographic space to a space, then Traditional Chinese characters to
 * Simplified.
 *
 * <p>Both steps map one character to one character, so token offsets stay aligned with the text
 * that was indexed.
 */
public final class ChineseVariants {
  private static final String TABLE = "t2s.tsv";

  private ChineseVariants() {}

  /** Wraps {@code reader} so that what is read comes out width-folded and in Simplified script. */
  public static Reader fold(Reader reader) {
    // Width first: the Traditional table is keyed on ordinary (not full-width) characters.
    return new MappingCharFilter(
        TableHolder.MAP, new CJKWidthCharFilter(new LoneSurrogateReader(reader)));
  }

  /**
   * Whether folding could change {@code c}, alone or together with its neighbours: a full- or
   * half-width form, the ideographic space, half of a surrogate pair, or a Traditional character of
   * the table. Text without such a character comes out of {@link #fold} as it went in.
   */
  static boolean mayFold(char c) {
    return (c >= '\uFF00' && c <= '\uFFEF')
        || c == '\u3000'
        || Character.isSurrogate(c)
        || TableHolder.KEYS.get(c);
  }

  /** The number of Traditional characters the bundled table maps. */
  static int tableSize() {
    return TableHolder.size;
  }

  /** Loads the table on first use only: most callers reach it through an analyzer. */
  private static final class TableHolder {
    static int size;

    /** The characters the table maps. */
    static final BitSet KEYS = new BitSet(Character.MAX_VALUE + 1);

    static final NormalizeCharMap MAP = load();

    private static NormalizeCharMap load() {
      NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
      // The width filter leaves the ideographic space alone; it is a plain space to every reader.
      builder.add("\u3000", " ");
      int count = 0;
      try (InputStream in = ChineseVariants.class.getResourceAsStream(TABLE)) {
        if (in == null) {
          throw new IllegalStateException("bisearch resource missing from the classpath: " + TABLE);
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          int tab = line.indexOf('\t');
          String key = line.substring(0, tab);
          builder.add(key, line.substring(tab + 1));
          for (int i = 0; i < key.length(); i++) {
            KEYS.set(key.charAt(i));
          }
          count++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bisearch resource " + TABLE, e);
      }
      size = count;
      return builder.build();
    }
  }
}
