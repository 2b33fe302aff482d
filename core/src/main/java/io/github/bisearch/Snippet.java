package io.github.bisearch;

import java.util.List;

/**
 * A short passage of an entry with the parts that matched the query marked.
 *
 * @param text the passage; an ellipsis ({@code …}) marks where it was cut
 * @param highlights matched ranges in {@code text}, in order and not overlapping
 */
public record Snippet(String text, List<Range> highlights) {
  public Snippet {
    highlights = List.copyOf(highlights);
  }

  /** A range of characters: {@code start} inclusive, {@code end} exclusive. */
  public record Range(int start, int end) {}

  /** The text with each highlight between {@code open} and {@code close}. */
  public String marked(String open, String close) {
    StringBuilder out = new StringBuilder(text.length() + highlights.size() * 8);
    int at = 0;
    for (Range range : highlights) {
      out.append(text, at, range.start()).append(open);
      out.append(text, range.start(), range.end()).append(close);
      at = range.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  @Override
  public String toString() {
    return marked("[", "]");
  }
}
