package io.github.bisearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.BiSearchException;
import io.github.bisearch.ingest.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryIndexTest {
  @TempDir Path dir;

  private static final Entry ENTRY =
      new Entry("Xen", "http://x", "VM", "虚拟机监视器", null, List.of(), "a.md", 1);

  private static void luceneIndex(Path path, Map<String, String> commitData) throws IOException {
    try (FSDirectory directory = FSDirectory.open(path);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new StringField("f", "v", Field.Store.NO));
      writer.addDocument(doc);
      writer.setLiveCommitData(commitData.entrySet());
      writer.commit();
    }
  }

  @Test
  void writesAndReopensItsOwnIndex() {
    try (EntryIndex index = EntryIndex.open(dir, true)) {
      index.replaceSource("a.md", List.of(ENTRY));
      index.commit();
    }
    try (EntryIndex index = EntryIndex.open(dir, false)) {
      assertEquals(List.of(ENTRY), index.entries());
    }
  }

  @Test
  void indexOfAnotherSchemaVersionSaysToReindex() throws IOException {
    luceneIndex(dir, Map.of(IndexSchema.VERSION_KEY, "0"));
    BiSearchException e = assertThrows(BiSearchException.class, () -> EntryIndex.open(dir, false));
    assertEquals(
        "index at "
            + dir
            + " cannot be read: it has schema version 0, this bisearch needs "
            + IndexSchema.VERSION
            + "; reindex with 'search-cli index --index NEW_DIR PATH...'",
        e.getMessage());
  }

  @Test
  void unrelatedLuceneIndexIsNeitherReadNorWritten() throws IOException {
    luceneIndex(dir, Map.of());
    for (boolean create : new boolean[] {false, true}) {
      BiSearchException e =
          assertThrows(BiSearchException.class, () -> EntryIndex.open(dir, create));
      assertEquals(
          dir
              + " holds a Lucene index that bisearch did not write: choose another directory for"
              + " 'search-cli index --index DIR PATH...'",
          e.getMessage());
    }
  }

  @Test
  void folderWithOtherFilesIsNotTurnedIntoAnIndex() throws IOException {
    Files.writeString(dir.resolve("notes.md"), "# mine");
    BiSearchException e = assertThrows(BiSearchException.class, () -> EntryIndex.open(dir, true));
    assertEquals(
        dir
            + " is not empty and holds no bisearch index: give 'search-cli index --index' a new or"
            + " empty directory",
        e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("notes.md")), files.toList());
    }
  }

  @Test
  void leftoversOfAnInterruptedFirstRunAreNoObstacle() throws IOException {
    Files.createFile(dir.resolve("write.lock"));
    Files.createFile(dir.resolve("_0.fdt"));
    try (EntryIndex index = EntryIndex.open(dir, true)) {
      index.replaceSource("a.md", List.of(ENTRY));
      index.commit();
      assertEquals(1, index.size());
    }
  }

  @Test
  void damagedIndexSaysToReindex() throws IOException {
    try (EntryIndex index = EntryIndex.open(dir, true)) {
      index.replaceSource("a.md", List.of(ENTRY));
      index.commit();
    }
    Path segments;
    try (Stream<Path> files = Files.list(dir)) {
      segments =
          files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().get();
    }
    byte[] bytes = Files.readAllBytes(segments);
    Files.write(segments, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    BiSearchException e = assertThrows(BiSearchException.class, () -> EntryIndex.open(dir, false));
    assertTrue(e.getMessage().startsWith("index at " + dir + " is damaged ("), e.getMessage());
    assertTrue(
        e.getMessage().endsWith("); reindex with 'search-cli index --index NEW_DIR PATH...'"),
        e.getMessage());
  }

  @Test
  void searchingCreatesNoLockSoAReadOnlyIndexCanBeSearched() throws IOException {
    try (EntryIndex index = EntryIndex.open(dir, true)) {
      index.replaceSource("a.md", List.of(ENTRY));
      index.commit();
    }
    // The writer leaves its (released) lock file behind; a reader must not make a new one.
    Files.delete(dir.resolve("write.lock"));
    try (EntryIndex index = EntryIndex.open(dir, false)) {
      assertEquals(1, index.size());
      assertEquals(List.of(ENTRY), index.entries());
    }
    assertTrue(Files.notExists(dir.resolve("write.lock")));
  }
}
