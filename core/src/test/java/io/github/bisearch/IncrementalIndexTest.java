package io.github.bisearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bisearch.ingest.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a folder again to a persistent index: only new and changed files are read, deleted ones
 * are removed, and the report says which files were which.
 */
class IncrementalIndexTest {
  private static final String ALPHA =
      "# A\n\n- [Alpha](http://a): alphaword 第一\n- Beta: betaword\n";
  private static final String BRAVO = "# B\n\nbravoword paragraph.\n";

  @TempDir Path temp;

  private Path docs;
  private Path alpha;
  private Path bravo;
  private Path index;

  @BeforeEach
  void writeDocs() throws IOException {
    docs = Files.createDirectory(temp.resolve("docs"));
    alpha = Files.writeString(docs.resolve("alpha.md"), ALPHA, StandardCharsets.UTF_8);
    bravo = Files.writeString(docs.resolve("bravo.md"), BRAVO, StandardCharsets.UTF_8);
    index = temp.resolve("idx");
  }

  /** Adds {@code paths} to the index in a fresh {@link BiSearch}, as separate runs of a CLI do. */
  private IndexReport add(Path... paths) {
    try (BiSearch search = BiSearch.open(index)) {
      return search.add(paths);
    }
  }

  private long total(String query) {
    try (BiSearch search = BiSearch.open(index)) {
      return search.search(query, 10).total();
    }
  }

  private List<Entry> entries() {
    try (BiSearch search = BiSearch.open(index)) {
      return search.entries();
    }
  }

  /** Rewrites {@code file} with {@code text} of the same length, keeping its modification time. */
  private static void rewriteKeepingTime(Path file, String text) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    assertEquals(Files.size(file), text.getBytes(StandardCharsets.UTF_8).length);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, modified);
  }

  @Test
  void firstAddIndexesEveryFileAsNew() {
    assertEquals(new IndexReport(2, 0, 0, 0, 3, List.of()), add(docs));
  }

  @Test
  void secondAddOfUnchangedFilesReadsNothingAndKeepsTheEntries() {
    add(docs);
    List<Entry> before = entries();

    IndexReport again = add(docs);

    assertEquals(new IndexReport(0, 0, 2, 0, 0, List.of()), again);
    assertEquals(before, entries());
    assertEquals(3, before.size());
  }

  @Test
  void contentChangedBehindTheSameSizeAndTimeIsNotReadAgain() throws IOException {
    add(docs);
    rewriteKeepingTime(alpha, ALPHA.replace("alphaword", "gammaword"));

    IndexReport again = add(docs);

    // The index still has the old words: the file was not read.
    assertEquals(new IndexReport(0, 0, 2, 0, 0, List.of()), again);
    assertEquals(1, total("alphaword"));
    assertEquals(0, total("gammaword"));
  }

  @Test
  void sameSizeWithANewerModificationTimeIsReadAgain() throws IOException {
    add(docs);
    FileTime modified = Files.getLastModifiedTime(alpha);
    rewriteKeepingTime(alpha, ALPHA.replace("alphaword", "gammaword"));
    Files.setLastModifiedTime(
        alpha, FileTime.from(modified.toInstant().plus(Duration.ofSeconds(10))));

    IndexReport again = add(docs);

    assertEquals(new IndexReport(0, 1, 1, 0, 2, List.of()), again);
    assertEquals(0, total("alphaword"));
    assertEquals(1, total("gammaword"));
  }

  @Test
  void changedSizeIsReadAgainAndReplacesTheFilesEntries() throws IOException {
    add(docs);
    Files.writeString(alpha, ALPHA + "- Delta: deltaword\n", StandardCharsets.UTF_8);

    IndexReport again = add(docs);

    assertEquals(new IndexReport(0, 1, 1, 0, 3, List.of()), again);
    assertEquals(4, entries().size());
    assertEquals(1, total("alphaword"));
    assertEquals(1, total("deltaword"));
  }

  @Test
  void deletedFileIsRemoved() throws IOException {
    add(docs);
    Files.delete(bravo);

    IndexReport again = add(docs);

    assertEquals(new IndexReport(0, 0, 1, 1, 0, List.of()), again);
    assertEquals(0, total("bravoword"));
    assertEquals(2, entries().size());
  }

  @Test
  void newFileIsAddedBesideUnchangedOnes() throws IOException {
    add(docs);
    Files.writeString(docs.resolve("charlie.md"), "- charlieword\n", StandardCharsets.UTF_8);

    IndexReport again = add(docs);

    assertEquals(new IndexReport(1, 0, 2, 0, 1, List.of()), again);
    assertEquals(1, total("charlieword"));
  }

  @Test
  void fileWithoutEntriesIsRememberedAndRemovedWhenDeleted() throws IOException {
    Path empty = Files.writeString(docs.resolve("empty.md"), "# Only a heading\n");
    assertEquals(new IndexReport(3, 0, 0, 0, 3, List.of()), add(docs));
    assertEquals(new IndexReport(0, 0, 3, 0, 0, List.of()), add(docs));

    Files.delete(empty);

    assertEquals(new IndexReport(0, 0, 2, 1, 0, List.of()), add(docs));
  }

  @Test
  void fileGivenTwiceIsReadOnce() {
    assertEquals(new IndexReport(2, 0, 0, 0, 3, List.of()), add(docs, alpha));
  }

  @Test
  void singleFileIsComparedLikeAFileInAFolder() {
    add(docs);

    assertEquals(new IndexReport(0, 0, 1, 0, 0, List.of()), add(alpha));
  }

  @Test
  void binaryFileIsReadAndReportedEveryTime() throws IOException {
    Path binary = Files.write(docs.resolve("binary.md"), new byte[] {'a', 0, 'b'});
    List<String> problem = List.of(binary + ": binary file, skipped");

    assertEquals(new IndexReport(2, 0, 0, 0, 3, problem, 1), add(docs));
    assertEquals(new IndexReport(0, 0, 2, 0, 0, problem, 1), add(docs));
  }

  @Test
  void fileRecordsAreNeitherEntriesNorHits() throws IOException {
    Files.writeString(docs.resolve("zebrafishword.md"), "", StandardCharsets.UTF_8);
    add(docs);

    try (BiSearch search = BiSearch.open(index)) {
      assertEquals(0, search.search("zebrafishword", 10).total());
      assertEquals(3, search.size());
      assertEquals(3, search.entries().size());
      assertEquals(3, search.stats().files());
    }
  }

  @Test
  void markdownTextIsReplacedEveryTimeItIsAdded() {
    try (BiSearch search = BiSearch.inMemory()) {
      assertEquals(
          new IndexReport(1, 0, 0, 0, 1, List.of()), search.addMarkdown("a.md", "- xenword\n"));
      assertEquals(
          new IndexReport(0, 1, 0, 0, 1, List.of()), search.addMarkdown("a.md", "- xenword\n"));
      assertEquals(1, search.size());
    }
  }

  @Test
  void reportCountsAddedAndUpdatedAsFiles() {
    assertEquals(5, new IndexReport(2, 3, 7, 1, 40, List.of()).files());
  }
}
