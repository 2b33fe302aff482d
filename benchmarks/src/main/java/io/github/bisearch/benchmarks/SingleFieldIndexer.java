package io.github.bisearch.benchmarks;

import io.github.bisearch.ingest.Entry;
import io.github.bisearch.ingest.MarkdownFiles;
import io.github.bisearch.ingest.MarkdownIngester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The indexing baseline: the same markdown parsed into the same entries, written as one stored
 * SmartChineseAnalyzer field (title, section and text) per entry, with the provenance fields
 * bisearch's naive baseline keeps, by several threads sharing one {@link IndexWriter}.
 */
final class SingleFieldIndexer {
  private SingleFieldIndexer() {}

  /** Indexes every markdown file below {@code markdown} into a new index in {@code index}. */
  static long write(Path markdown, Path index, int threads) throws IOException {
    List<Path> files = MarkdownFiles.find(markdown);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger entries = new AtomicInteger();
    IndexWriterConfig config = new IndexWriterConfig(new SmartChineseAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(index), config)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  MarkdownIngester ingester = new MarkdownIngester();
                  for (int i = next.getAndIncrement();
                      i < files.size();
                      i = next.getAndIncrement()) {
                    Path file = files.get(i);
                    for (Entry entry : ingester.parse(file.toString(), read(file))) {
                      writer.addDocument(document(entry));
                      entries.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      writer.commit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("indexing failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return entries.get();
  }

  private static String read(Path file) {
    try {
      return MarkdownFiles.read(file).text();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(Entry entry) {
    Document doc = new Document();
    doc.add(new StoredField("url", entry.url() == null ? "" : entry.url()));
    doc.add(new StoredField("source", entry.source()));
    doc.add(new StoredField("line", entry.line()));
    String body = entry.title() + "\n" + entry.section() + "\n" + entry.text();
    doc.add(new TextField("body", body, Field.Store.YES));
    return doc;
  }
}
