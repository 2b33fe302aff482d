package io.github.bisearch.ingest;

import io.github.bisearch.Language;
import java.util.List;
import java.util.Objects;

/**
 * One searchable unit taken from a markdown document: a list item or a paragraph.
 *
 * @param title the item's leading link text, or the heading a paragraph sits under
 * @param url the item's leading link, or {@code null}
 * @param section the heading path, such as {@code Projects > Virtual Machine}; may be empty
 * @param text the description: the item's text after its title, or the paragraph
 * @param date an ISO date ({@code 2014-07-31}) the item started with, or {@code null}
 * @param links further links in the item, in order
 * @param source the file the entry came from, as it should be shown to a user
 * @param line the 1-based line the entry starts on
 */
public record Entry(
    String title,
    String url,
    String section,
    String text,
    String date,
    List<Link> links,
    String source,
    int line) {

  public Entry {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    links = List.copyOf(links);
  }

  /** Letters of text below which the title is taken into account for the language. */
  private static final int SHORT_TEXT = 20;

  /**
   * The language of the entry: judged on its text, or on title and text together when the text is
   * short (a paragraph's title is its heading, which often is in the other language).
   */
  public Language language() {
    return Language.detect(isShort(text) ? title + "\n" + text : text);
  }

  /** Whether {@code text} has fewer than {@link #SHORT_TEXT} letters. */
  private static boolean isShort(String text) {
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp) && ++letters == SHORT_TEXT) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
