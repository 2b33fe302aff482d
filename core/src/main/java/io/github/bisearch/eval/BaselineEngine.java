package io.github.bisearch.eval;

import io.github.bisearch.ingest.Entry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The plain Lucene setup people build first: one field holding title, section and text, one
 * analyzer for indexing and querying, the query's words OR-ed and ranked by BM25. No glossary, no
 * second chain. Kept in memory.
 */
public final class BaselineEngine implements Ranker, AutoCloseable {
  private static final String BODY = "body";

  private final String name;
  private final Analyzer analyzer;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private BaselineEngine(String name, Analyzer analyzer, List<Entry> entries) throws IOException {
    this.name = name;
    this.analyzer = analyzer;
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Entry entry : entries) {
        Document doc = new Document();
        doc.add(new StoredField("url", entry.url() == null ? "" : entry.url()));
        doc.add(new StoredField("source", entry.source()));
        doc.add(new StoredField("line", entry.line()));
        String body = entry.title() + "\n" + entry.section() + "\n" + entry.text();
        doc.add(new TextField(BODY, body, Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  /** Baseline (a): SmartChineseAnalyzer, Lucene's Chinese word segmenter with Porter stemming. */
  public static BaselineEngine smartChinese(List<Entry> entries) {
    return build("smartcn, one field", new SmartChineseAnalyzer(), entries);
  }

  /** Baseline (b): StandardAnalyzer, which indexes each Han character as a word. */
  public static BaselineEngine standard(List<Entry> entries) {
    return build("standard, one field", new StandardAnalyzer(), entries);
  }

  private static BaselineEngine build(String name, Analyzer analyzer, List<Entry> entries) {
    try {
      return new BaselineEngine(name, analyzer, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A short description for result tables. */
  public String name() {
    return name;
  }

  @Override
  public List<RankedResult> rank(String query, int k) {
    Query lucene =
        new QueryBuilder(analyzer).createBooleanQuery(BODY, query, BooleanClause.Occur.SHOULD);
    if (lucene == null) {
      return List.of();
    }
    try {
      ScoreDoc[] top = searcher.search(lucene, k).scoreDocs;
      StoredFields stored = searcher.storedFields();
      List<RankedResult> results = new ArrayList<>(top.length);
      for (ScoreDoc hit : top) {
        Document doc = stored.document(hit.doc);
        String url = doc.get("url");
        results.add(
            new RankedResult(
                url.isEmpty() ? null : url,
                doc.get("source"),
                doc.getField("line").numericValue().intValue()));
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IndexSearcher.TooManyClauses e) {
      return List.of(); // a query over the clause limit counts as finding nothing
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
