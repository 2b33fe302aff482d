package io.github.bisearch.ingest;

import java.util.Arrays;

/**
 * Line numbers of character offsets in one text, found by binary search over the line starts.
 * flexmark's own lookup scans from the start of the document on every call, which makes a large
 * file quadratic.
 */
final class LineIndex {
  private final int[] starts;

  LineIndex(CharSequence text) {
    int[] found = new int[64];
    int count = 1; // line 1 starts at 0
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = i + 1;
      }
    }
    starts = Arrays.copyOf(found, count);
  }

  /** The 1-based line holding {@code offset}. */
  int lineOf(int offset) {
    int at = Arrays.binarySearch(starts, offset);
    return at >= 0 ? at + 1 : -at - 1;
  }
}
