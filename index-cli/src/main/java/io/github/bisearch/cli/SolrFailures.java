package io.github.bisearch.cli;

import io.github.bisearch.BiSearchException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

/** Solr urls as given on the command line, and SolrJ failures as one line that says what to do. */
final class SolrFailures {
  private SolrFailures() {}

  /** {@code url} without a trailing slash, or an exception saying what a Solr url looks like. */
  static String checkedUrl(String url) {
    String stripped = url.strip();
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    try {
      URI uri = new URI(stripped);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return stripped;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--solr must be Solr's url, such as http://localhost:8983/solr, not '" + url + "'");
  }

  /**
   * {@code e}, thrown while talking to collection {@code collection} at {@code url}, as an
   * exception whose message is one line; {@code rejected} says what Solr refused ("rejected the
   * entries").
   */
  static BiSearchException describe(Exception e, String url, String collection, String rejected) {
    if (e instanceof SolrException solr && solr.code() == SolrException.ErrorCode.NOT_FOUND.code) {
      return new BiSearchException(
          "no collection '"
              + collection
              + "' at "
              + url
              + ": create it with the bisearch configset (see the README, 'Outgrowing one"
              + " machine')",
          e);
    }
    if (e instanceof SolrServerException && e.getCause() instanceof IOException) {
      Throwable cause = e.getCause();
      String why =
          cause instanceof ConnectException || cause.getMessage() == null
              ? "connection refused"
              : cause.getMessage();
      return new BiSearchException("cannot reach Solr at " + url + ": " + why, e);
    }
    if (e instanceof SolrException) {
      return new BiSearchException(
          "Solr at "
              + url
              + " "
              + rejected
              + " (is collection '"
              + collection
              + "' made with the bisearch configset?): "
              + SearchCli.firstLine(e.getMessage()),
          e);
    }
    return new BiSearchException(
        "cannot talk to Solr at " + url + ": " + SearchCli.firstLine(e.getMessage()), e);
  }
}
