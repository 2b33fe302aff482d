package io.github.bisearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bisearch.query.BuiltQuery;
import io.github.bisearch.search.EntrySearcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A large index is searched in slices of about equal size, with the hits of one thread. */
class SlicedSearcherTest {
  /** One segment per group of texts, in order. */
  private static Directory segments(String[]... groups) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    IndexWriterConfig config =
        new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (String[] texts : groups) {
        for (String text : texts) {
          Document doc = new Document();
          doc.add(new TextField("f", text, Field.Store.NO));
          writer.addDocument(doc);
        }
        writer.commit();
      }
    }
    return directory;
  }

  private static String[] times(int n, String text) {
    String[] texts = new String[n];
    java.util.Arrays.fill(texts, text);
    return texts;
  }

  private static List<List<Integer>> sliceOrds(IndexSearcher searcher) {
    List<List<Integer>> slices = new ArrayList<>();
    for (IndexSearcher.LeafSlice slice : searcher.getSlices()) {
      List<Integer> ords = new ArrayList<>();
      for (LeafReaderContext leaf : slice.leaves) {
        ords.add(leaf.ord);
      }
      slices.add(ords);
    }
    return slices;
  }

  @Test
  void largestSegmentsFirstEachToTheSliceWithFewestDocuments() throws IOException {
    try (Directory directory =
            segments(times(5, "a"), times(3, "a"), times(2, "a"), times(2, "a"));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      // 5 → first; 3 → second; 2 → second (3 < 5); 2 → first (5 = 5, the first wins).
      assertEquals(
          List.of(List.of(0, 3), List.of(1, 2)), sliceOrds(new SlicedSearcher(reader, 12, 2)));
      assertEquals(
          List.of(List.of(0), List.of(1), List.of(2, 3)),
          sliceOrds(new SlicedSearcher(reader, 12, 3)));
      // More threads than segments: one slice per segment.
      assertEquals(
          List.of(List.of(0), List.of(1), List.of(2), List.of(3)),
          sliceOrds(new SlicedSearcher(reader, 1, 8)));
    }
  }

  @Test
  void anIndexBelowTheThresholdIsOneSlice() throws IOException {
    try (Directory directory = segments(times(5, "a"), times(3, "a"));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(List.of(List.of(0, 1)), sliceOrds(new SlicedSearcher(reader, 9, 2)));
      assertEquals(List.of(List.of(0), List.of(1)), sliceOrds(new SlicedSearcher(reader, 8, 2)));
    }
  }

  @Test
  void slicesFindTheHitsOfOneThreadWithTiesInDocumentOrder() throws IOException {
    // Every "a b" document ties with the others; "a" alone scores lower. The first slice holds the
    // first and the last segment: ties must still come in document order, 10 and 11 after 7 and 8.
    try (Directory directory =
            segments(
                new String[] {"a", "a b", "a", "a b", "a"},
                new String[] {"a", "a", "a b"},
                new String[] {"a b", "a"},
                new String[] {"a b", "a b"});
        DirectoryReader reader = DirectoryReader.open(directory)) {
      BooleanQuery query =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term("f", "a")), Occur.SHOULD)
              .add(new TermQuery(new Term("f", "b")), Occur.SHOULD)
              .build();
      BuiltQuery built = new BuiltQuery(query, List.of(), List.of());
      IndexSearcher one = new IndexSearcher(reader);
      SlicedSearcher sliced = new SlicedSearcher(reader, 1, 2);
      assertEquals(List.of(List.of(0, 3), List.of(1, 2)), sliceOrds(sliced));
      for (int limit = 1; limit <= 12; limit++) {
        TopDocs expected = EntrySearcher.top(one, built, limit);
        TopDocs actual = EntrySearcher.top(sliced, built, limit);
        assertEquals(docs(expected), docs(actual), "top " + limit);
      }
      assertEquals(List.of(1, 3, 7, 8, 10, 11, 0, 2), docs(EntrySearcher.top(sliced, built, 8)));
    }
  }

  private static List<Integer> docs(TopDocs top) {
    List<Integer> docs = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      docs.add(hit.doc);
    }
    return docs;
  }
}
