package io.github.bisearch.cli;

import io.github.bisearch.BiSearchException;
import io.github.bisearch.index.EntryDocuments;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.ingest.Entry;
import io.github.bisearch.ingest.MarkdownFiles;
import io.github.bisearch.ingest.MarkdownIngester;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

/**
 * Sends markdown entries to a Solr collection made with the bisearch configset: each file's entries
 * replace the ones it had there (delete by source, then add), with one commit at the end.
 *
 * <p>With {@link SolrSearcher} and {@link SolrFailures}, the only classes of search-cli that use
 * SolrJ, so that SolrJ is loaded only by {@code --solr}: their methods take and return nothing but
 * JDK and bisearch types, and every SolrJ failure leaves them as a {@link BiSearchException} with a
 * one-line message.
 */
final class SolrIndexer {
  /** What was sent. */
  record Report(int files, int skipped, int entries, List<String> problems) {}

  private static final long CONNECT_SECONDS = 10;
  private static final long REQUEST_SECONDS = 300;

  private final String url;
  private final String collection;
  private final MarkdownIngester ingester = new MarkdownIngester();

  /**
   * @param url Solr's base url, such as {@code http://localhost:8983/solr}
   * @param collection the collection to write to
   * @throws IllegalArgumentException if {@code url} is not an http or https url
   */
  SolrIndexer(String url, String collection) {
    this.url = SolrFailures.checkedUrl(url);
    this.collection = collection;
  }

  /**
   * Indexes every markdown file at {@code paths}.
   *
   * @throws BiSearchException if a path does not exist (nothing is sent then), Solr cannot be
   *     reached, the collection does not exist or Solr rejects the entries
   */
  Report index(List<Path> paths) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (Path path : paths) {
      try {
        for (Path file : MarkdownFiles.find(path)) {
          files.putIfAbsent(file.toAbsolutePath().normalize().toString(), file);
        }
      } catch (NoSuchFileException e) {
        throw new BiSearchException(path + ": no such file or directory");
      } catch (IOException e) {
        throw new BiSearchException(path + ": cannot list: " + e.getMessage(), e);
      }
    }
    try (SolrClient client =
        new Http2SolrClient.Builder(url)
            .withConnectionTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
            .withRequestTimeout(REQUEST_SECONDS, TimeUnit.SECONDS)
            .build()) {
      return send(client, files);
    } catch (SolrServerException | SolrException | IOException e) {
      throw SolrFailures.describe(e, url, collection, "rejected the entries");
    }
  }

  private Report send(SolrClient client, Map<String, Path> files)
      throws SolrServerException, IOException {
    client.ping(collection); // fails fast on a wrong url or collection, before any file is read
    List<String> problems = new ArrayList<>();
    int sent = 0;
    int skipped = 0;
    int entries = 0;
    for (Map.Entry<String, Path> file : files.entrySet()) {
      String source = MarkdownFiles.displayName(file.getValue());
      List<Entry> parsed = ingester.parseFile(file.getValue(), source, problems);
      if (parsed == null) {
        skipped++;
        continue;
      }
      // Two requests: within one, Solr applies the adds before the deletes.
      new UpdateRequest()
          .deleteByQuery(IndexSchema.SOURCE_KEY + ":" + ClientUtils.escapeQueryChars(file.getKey()))
          .process(client, collection);
      List<SolrInputDocument> docs = new ArrayList<>(parsed.size());
      for (Entry entry : parsed) {
        docs.add(toSolr(file.getKey(), entry));
      }
      if (!docs.isEmpty()) {
        new UpdateRequest().add(docs).process(client, collection);
      }
      sent++;
      entries += parsed.size();
    }
    client.commit(collection);
    return new Report(sent, skipped, entries, problems);
  }

  /** Exactly the fields the library indexes for {@code entry}, by the same names. */
  static SolrInputDocument toSolr(String sourceKey, Entry entry) {
    SolrInputDocument doc = new SolrInputDocument();
    for (IndexableField field : EntryDocuments.toDocument(sourceKey, entry)) {
      Number number = field.numericValue();
      String value = field.stringValue();
      if (number == null && !field.fieldType().stored() && (value == null || value.isEmpty())) {
        continue; // indexed empty only so that every document has a length for it
      }
      doc.addField(field.name(), number != null ? number : value);
    }
    return doc;
  }
}
