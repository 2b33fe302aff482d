package io.github.bisearch.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * The folding of {@link ChineseVariants#fold} in one pass over a buffer: unpaired surrogates become
 * U+FFFD, full- and half-width forms are folded as Lucene's {@code CJKWidthCharFilter} folds them,
 * and the result goes through the Traditional-to-Simplified table.
 *
 * <p>Runs of characters that folding leaves alone, which is nearly all of Latin text, are copied as
 * they are. Every character maps to one character except a half-width voiced or semi-voiced sound
 * mark that combines with the katakana before it ({@code ｶﾞ} becomes {@code ガ}); the offset
 * correction recorded for it is the one {@code CJKWidthCharFilter} records.
 *
 * <p>Unpaired surrogates are replaced because Lucene's StandardTokenizer drops every token of a
 * text that ends in a lone high surrogate.
 */
final class FoldingCharFilter extends BaseCharFilter {
  private static final int BUFFER_SIZE = 1024;

  private static final char[] FOLD = ChineseVariants.foldTable();

  private static final char FIRST_FOLDED = ChineseVariants.firstFolded();

  private final char[] buffer = new char[BUFFER_SIZE];

  /** The next character of {@link #buffer} to fold. */
  private int position;

  /** The end of what {@link #buffer} holds. */
  private int limit;

  /** The input offset of {@code buffer[0]}. */
  private int bufferStart;

  /**
   * The width-folded form of the last character written, or -1 after a combined sound mark or the
   * end of the input: a sound mark combines only with a character that is still there to change.
   */
  private int previous = -1;

  /** Whether {@code buffer[position]} is the low half of a pair whose high half was written. */
  private boolean pairedLow;

  /** The sound marks combined so far; each took one character out of the output. */
  private int combined;

  /** The buffer of {@link #read()}, made on its first use. */
  private char[] single;

  FoldingCharFilter(Reader in) {
    // The chain this replaces read through a plain Reader, so its offsets never went on into a
    // CharFilter given to it; hiding such a filter keeps that so.
    super(in instanceof CharFilter ? new Hidden(in) : in);
  }

  @Override
  public int read() throws IOException {
    if (single == null) {
      single = new char[1];
    }
    return read(single, 0, 1) == -1 ? -1 : single[0];
  }

  @Override
  public int read(char[] out, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    char[] fold = FOLD;
    int n = 0;
    while (n < length) {
      if (position == limit && !fill()) {
        break;
      }
      int start = position;
      int end = Math.min(limit, start + length - n);
      int p = start;
      while (p < end) {
        char c = buffer[p];
        if (c >= FIRST_FOLDED && fold[c] != c) {
          break;
        }
        p++;
      }
      if (p > start) {
        System.arraycopy(buffer, start, out, offset + n, p - start);
        n += p - start;
        previous = buffer[p - 1];
        position = p;
      }
      if (p < end) {
        n = foldOne(fold, out, offset, n);
      }
    }
    if (n == length && previous >= 0) {
      combineAcrossTheEnd(fold, out, offset + n - 1);
    }
    return n == 0 ? -1 : n;
  }

  /** Folds {@code buffer[position]}, which folding changes, into {@code out}; returns the count. */
  private int foldOne(char[] fold, char[] out, int offset, int n) throws IOException {
    int at = bufferStart + position;
    char c = buffer[position++];
    if (Character.isHighSurrogate(c)) {
      if ((position < limit || fill()) && Character.isLowSurrogate(buffer[position])) {
        pairedLow = true;
      } else {
        c = '\uFFFD';
      }
    } else if (Character.isLowSurrogate(c)) {
      if (!pairedLow) {
        c = '\uFFFD';
      }
      pairedLow = false;
    }
    if (Character.isSurrogate(c)) {
      // Half of a pair: folding changes neither half.
      out[offset + n] = c;
      previous = c;
      return n + 1;
    }
    int voiced = previous < 0 ? -1 : ChineseVariants.combineSoundMark((char) previous, c);
    if (voiced >= 0) {
      // The katakana it combines with was written by this call: see combineAcrossTheEnd.
      assert n > 0;
      out[offset + n - 1] = fold[voiced];
      recordCombined(at);
      return n;
    }
    out[offset + n] = fold[c];
    previous = ChineseVariants.widthFold(c);
    return n + 1;
  }

  /**
   * Combines the next input character with the last one written, {@code out[last]}, if it is a
   * sound mark that combines with it: once this call returns, the katakana can no longer change.
   */
  private void combineAcrossTheEnd(char[] fold, char[] out, int last) throws IOException {
    if (!ChineseVariants.takesSoundMark((char) previous)) {
      return;
    }
    if (position == limit && !fill()) {
      return;
    }
    int voiced = ChineseVariants.combineSoundMark((char) previous, buffer[position]);
    if (voiced >= 0) {
      out[last] = fold[voiced];
      recordCombined(bufferStart + position);
      position++;
    }
  }

  /**
   * Notes that the sound mark at input offset {@code at} was combined with the character before.
   */
  private void recordCombined(int at) {
    combined++;
    addOffCorrectMap(at - combined + 1, combined);
    previous = -1;
  }

  /**
   * Reads more input into the emptied buffer; false, and no character to combine with, at the end.
   */
  private boolean fill() throws IOException {
    bufferStart += limit;
    position = 0;
    limit = Math.max(0, input.read(buffer, 0, buffer.length));
    if (limit == 0) {
      previous = -1;
      return false;
    }
    return true;
  }

  /** A reader that only passes reading and closing on, so that it is not a CharFilter. */
  private static final class Hidden extends Reader {
    private final Reader in;

    Hidden(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      return in.read(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
