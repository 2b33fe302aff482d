package io.github.bisearch.cli;

import io.github.bisearch.BiSearchException;
import io.github.bisearch.Hit;
import io.github.bisearch.Language;
import io.github.bisearch.SearchResult;
import io.github.bisearch.Snippet;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.EntryDocuments;
import io.github.bisearch.index.EntryIndex;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.ingest.Entry;
import io.github.bisearch.ingest.Link;
import io.github.bisearch.query.BilingualQueryBuilder;
import io.github.bisearch.query.BuiltQuery;
import io.github.bisearch.query.ConceptQuery;
import io.github.bisearch.search.EntrySearcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;

/**
 * Searches a Solr collection made with the bisearch configset through its {@code {!bisearch}}
 * parser, and returns hits as the embedded engine would: Solr ranks and scores them; snippets and
 * what each hit matched are worked out here, by running the same query over the hits alone.
 */
final class SolrSearcher {
  private static final long CONNECT_SECONDS = 10;
  private static final long REQUEST_SECONDS = 60;

  private final String url;
  private final String collection;

  /**
   * @throws IllegalArgumentException if {@code url} is not an http or https url
   */
  SolrSearcher(String url, String collection) {
    this.url = SolrFailures.checkedUrl(url);
    this.collection = collection;
  }

  /**
   * The best {@code limit} hits for {@code query}, only in {@code language} unless it is null.
   *
   * @throws BiSearchException if Solr cannot be reached, the collection does not exist or Solr
   *     refuses the query
   */
  SearchResult search(String query, int limit, Language language) {
    SolrQuery request = new SolrQuery(query).setRows(limit).setFields("*", "score");
    request.set("defType", "bisearch");
    if (language != null) {
      request.addFilterQuery("{!term f=" + IndexSchema.LANG + "}" + language.code());
    }
    QueryResponse response;
    try (SolrClient client =
        new Http2SolrClient.Builder(url)
            .withConnectionTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
            .withRequestTimeout(REQUEST_SECONDS, TimeUnit.SECONDS)
            .build()) {
      response = client.query(collection, request);
    } catch (SolrServerException | SolrException | IOException e) {
      throw SolrFailures.describe(e, url, collection, "refused the query");
    }
    List<SolrDocument> docs = response.getResults();
    return new SearchResult(query, response.getResults().getNumFound(), hits(query, docs));
  }

  /** The hits for Solr's documents, in Solr's order and with Solr's scores. */
  private static List<Hit> hits(String query, List<SolrDocument> docs) {
    if (docs.isEmpty()) {
      return List.of();
    }
    Map<String, List<Entry>> bySource = new LinkedHashMap<>();
    for (SolrDocument doc : docs) {
      bySource
          .computeIfAbsent(string(doc, IndexSchema.SOURCE_KEY), key -> new ArrayList<>())
          .add(entry(doc));
    }
    BuiltQuery built = new BilingualQueryBuilder(Glossary.builtIn(), true).build(query);
    try (EntryIndex hitsOnly = EntryIndex.inMemory()) {
      bySource.forEach(hitsOnly::replaceSource);
      hitsOnly.commit();
      IndexSearcher searcher = hitsOnly.acquire();
      try {
        List<Hit> hits = new ArrayList<>(docs.size());
        for (SolrDocument doc : docs) {
          hits.add(hit(searcher, built, doc));
        }
        return hits;
      } finally {
        hitsOnly.release(searcher);
      }
    } catch (IOException e) {
      throw new BiSearchException("cannot highlight: " + e.getMessage(), e);
    }
  }

  private static Hit hit(IndexSearcher searcher, BuiltQuery built, SolrDocument doc)
      throws IOException {
    String id = string(doc, IndexSchema.ID);
    // Shown as the embedded engine shows it: relevance, without the coverage bonus.
    float score = ConceptQuery.relevance(((Number) doc.getFieldValue("score")).floatValue());
    BuiltQuery onlyThis =
        new BuiltQuery(
            new BooleanQuery.Builder()
                .add(built.query(), Occur.MUST)
                .add(new TermQuery(new Term(IndexSchema.ID, id)), Occur.FILTER)
                .build(),
            built.concepts(),
            built.alternatives());
    List<Hit> local = EntrySearcher.search(searcher, onlyThis, 1).hits();
    if (!local.isEmpty()) {
      Hit h = local.get(0);
      return new Hit(
          h.id(),
          score,
          h.title(),
          h.url(),
          h.section(),
          h.text(),
          h.snippet(),
          h.source(),
          h.line(),
          h.language(),
          h.date(),
          h.links(),
          h.matched());
    }
    // Matched in Solr by a translation from a glossary this client does not have.
    Entry entry = entry(doc);
    String shown = entry.text().isEmpty() ? entry.title() : entry.text();
    return new Hit(
        id,
        score,
        entry.title(),
        entry.url(),
        entry.section(),
        entry.text(),
        new Snippet(shown, List.of()),
        entry.source(),
        entry.line(),
        entry.language(),
        entry.date(),
        entry.links(),
        List.of());
  }

  /** The entry a Solr document was made from (as {@link EntryDocuments#fromDocument}). */
  private static Entry entry(SolrDocument doc) {
    List<Link> links = new ArrayList<>();
    if (doc.getFieldValues(IndexSchema.LINKS) != null) {
      for (Object value : doc.getFieldValues(IndexSchema.LINKS)) {
        String link = value.toString();
        int tab = link.indexOf('\t');
        links.add(new Link(link.substring(0, tab), link.substring(tab + 1)));
      }
    }
    return new Entry(
        string(doc, IndexSchema.TITLE),
        string(doc, IndexSchema.URL),
        string(doc, IndexSchema.SECTION),
        string(doc, IndexSchema.TEXT),
        string(doc, IndexSchema.DATE),
        links,
        string(doc, IndexSchema.SOURCE),
        ((Number) doc.getFieldValue(IndexSchema.LINE)).intValue());
  }

  private static String string(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(field);
    return value == null ? null : value.toString();
  }
}
