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

  /** The language of the title and text together. */
  public Language language() {
    return Language.detect(title + "\n" + text);
  }
}
