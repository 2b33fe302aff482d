package io.github.bisearch;

import io.github.bisearch.ingest.Link;
import java.util.List;

/**
 * One search result: an entry with its score and a highlighted snippet.
 *
 * @param id the entry's stable id
 * @param score the BM25 relevance score, comparable within one search only; hits are ordered first
 *     by how many of the query's concepts they match, then by this score
 * @param title the entry's title
 * @param url the entry's link, or {@code null}
 * @param section the heading path, such as {@code Projects > Virtual Machine}
 * @param text the entry's full text
 * @param snippet a passage of the text (or the title) with the matched words marked
 * @param source the file the entry came from
 * @param line the 1-based line it starts on
 * @param language the language of its title and text
 * @param date the date it was listed with, or {@code null}
 * @param links its further links
 * @param matched which query concepts it matched, and through which words
 */
public record Hit(
    String id,
    float score,
    String title,
    String url,
    String section,
    String text,
    Snippet snippet,
    String source,
    int line,
    Language language,
    String date,
    List<Link> links,
    List<Match> matched) {
  public Hit {
    links = List.copyOf(links);
    matched = List.copyOf(matched);
  }
}
