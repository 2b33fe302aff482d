package io.github.bisearch.analysis;

import java.io.IOException;
import java.io.Reader;

/**
 * Replaces unpaired surrogates with U+FFFD, one character for one, so offsets stay true. Lucene's
 * StandardTokenizer drops every token of a text that ends in a lone high surrogate.
 */
final class LoneSurrogateReader extends Reader {
  private final Reader in;
  private final char[] chunk = new char[1024];
  private int position;
  private int limit;

  /** The low half of a pair whose high half was the last character handed out. */
  private int pairedLow = -1;

  LoneSurrogateReader(Reader in) {
    this.in = in;
  }

  /** The next input character, or -1 at the end. */
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

  /** Puts back the character just taken by {@link #next()}. */
  private void unread() {
    position--;
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
          unread();
        }
        buffer[offset + n++] = '\uFFFD';
      } else if (Character.isLowSurrogate(ch)) {
        buffer[offset + n++] = '\uFFFD'; // a paired low half is taken with its high half
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
