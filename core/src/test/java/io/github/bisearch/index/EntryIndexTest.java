package io.github.bisearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.BiSearchException;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.ingest.Entry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryIndexTest {
  @TempDir Path dir;

  private static final Entry ENTRY =
      new Entry("Xen", "http://x", "VM", "虚拟机监视器", null, List.of(), "a.md", 1);

  private static final SourceStamp STAMP =
      new SourceStamp("a.md", 12, Instant.parse("2024-05-01T10:00:00.123456789Z"));

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
  void snapshotOpensInMemoryWithTheCommittedEntries() {
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    try (EntryIndex index = EntryIndex.inMemory()) {
      index.replaceSource("a.md", STAMP, List.of(ENTRY));
      index.commit();
      index.replaceSource("b.md", List.of(ENTRY)); // not committed: not in the snapshot
      index.writeSnapshot(snapshot);
    }
    try (EntryIndex index =
        EntryIndex.fromSnapshot(new ByteArrayInputStream(snapshot.toByteArray()))) {
      assertEquals(List.of(ENTRY), index.entries());
      assertEquals(Map.of("a.md", STAMP), index.files());
    }
  }

  @Test
  void snapshotRefusesOtherBytes() {
    byte[] text = "# not a snapshot".getBytes(StandardCharsets.UTF_8);
    BiSearchException e =
        assertThrows(
            BiSearchException.class, () -> EntryIndex.fromSnapshot(new ByteArrayInputStream(text)));
    assertEquals(
        "cannot read index snapshot: not a bisearch index snapshot, or a truncated one",
        e.getMessage());
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
  void indexOfAnotherGlossarySaysToReindex() throws IOException {
    luceneIndex(
        dir, Map.of(IndexSchema.VERSION_KEY, IndexSchema.VERSION, IndexSchema.GLOSSARY_KEY, "0"));
    BiSearchException e = assertThrows(BiSearchException.class, () -> EntryIndex.open(dir, false));
    assertEquals(
        "index at "
            + dir
            + " cannot be read: it holds the terms of another version of the built-in glossary;"
            + " reindex with 'search-cli index --index NEW_DIR PATH...'",
        e.getMessage());
  }

  @Test
  void indexOfSchemaVersionOneWithoutSourceRecordsSaysToReindex() throws IOException {
    luceneIndex(dir, Map.of(IndexSchema.VERSION_KEY, "1"));
    BiSearchException e = assertThrows(BiSearchException.class, () -> EntryIndex.open(dir, true));
    assertEquals(
        "index at "
            + dir
            + " cannot be read: it has schema version 1, this bisearch needs 5; reindex with"
            + " 'search-cli index --index NEW_DIR PATH...'",
        e.getMessage());
  }

  @Test
  void sourceRecordsAreNeitherEntriesNorCounted() {
    try (EntryIndex index = EntryIndex.inMemory()) {
      index.replaceSource("empty.md", STAMP, List.of());
      index.replaceSource("a.md", STAMP, List.of(ENTRY));
      index.commit();

      assertEquals(1, index.size());
      assertEquals(List.of(ENTRY), index.entries());
      assertEquals(Map.of("empty.md", STAMP, "a.md", STAMP), index.files());
    }
  }

  @Test
  void replacingAFileReplacesItsStamp() {
    SourceStamp later = new SourceStamp("a.md", 13, Instant.parse("2024-05-01T10:00:01Z"));
    try (EntryIndex index = EntryIndex.inMemory()) {
      index.replaceSource("a.md", STAMP, List.of(ENTRY));
      index.commit();
      index.replaceSource("a.md", later, List.of(ENTRY));
      index.commit();

      assertEquals(Map.of("a.md", later), index.files());
      assertEquals(1, index.size());
    }
  }

  @Test
  void markdownTextIsIndexedButIsNoFile() {
    try (EntryIndex index = EntryIndex.inMemory()) {
      index.replaceSource("text.md", List.of(ENTRY));
      index.commit();

      assertEquals(Map.of(), index.files());
      assertTrue(index.contains("text.md"));
      assertFalse(index.contains("other.md"));
    }
  }

  @Test
  void deletingASourceForgetsItsFile() {
    try (EntryIndex index = EntryIndex.inMemory()) {
      index.replaceSource("empty.md", STAMP, List.of());
      index.commit();
      index.deleteSource("empty.md");
      index.commit();

      assertEquals(Map.of(), index.files());
      assertFalse(index.contains("empty.md"));
    }
  }

  @Test
  void commitRecordsSchemaVersionAndTime() throws IOException {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (EntryIndex index = EntryIndex.open(dir, true)) {
      index.replaceSource("a.md", STAMP, List.of(ENTRY));
      index.commit();
    }
    Instant after = Instant.now();

    Map<String, String> data;
    try (FSDirectory directory = FSDirectory.open(dir)) {
      data = SegmentInfos.readLatestCommit(directory).getUserData();
    }
    assertEquals(
        Set.of(IndexSchema.VERSION_KEY, IndexSchema.GLOSSARY_KEY, IndexSchema.COMMITTED_KEY),
        data.keySet());
    assertEquals("5", data.get(IndexSchema.VERSION_KEY));
    assertEquals(Glossary.builtInFingerprint(), data.get(IndexSchema.GLOSSARY_KEY));
    Instant committed = Instant.parse(data.get(IndexSchema.COMMITTED_KEY));
    assertFalse(committed.isBefore(before) || committed.isAfter(after), committed.toString());
  }

  @Test
  void commitWithoutWritesMakesNoNewCommit() throws IOException {
    try (EntryIndex index = EntryIndex.open(dir, true)) {
      index.replaceSource("a.md", STAMP, List.of(ENTRY));
      index.commit();
      long generation = latestGeneration();

      index.commit();

      assertEquals(generation, latestGeneration());
    }
  }

  @Test
  void firstCommitWithoutWritesStillCreatesTheIndex() {
    try (EntryIndex index = EntryIndex.open(dir, true)) {
      assertEquals(Map.of(), index.files());
      index.commit();
    }
    try (EntryIndex index = EntryIndex.open(dir, false)) {
      assertEquals(0, index.size());
    }
  }

  private long latestGeneration() throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      return SegmentInfos.readLatestCommit(directory).getGeneration();
    }
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
