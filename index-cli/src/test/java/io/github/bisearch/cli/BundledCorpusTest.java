package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.bisearch.BiSearch;
import io.github.bisearch.ingest.Entry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prebuilt index of the corpus folder, and when it stands in for indexing at start-up. */
class BundledCorpusTest {
  @TempDir Path dir;

  private Path corpus;
  private Path markdown;
  private Path index;

  @BeforeEach
  void pointAtTheCorpus() throws IOException {
    corpus = Files.createDirectory(dir.resolve("corpus"));
    markdown = corpus.resolve("a.md");
    index = dir.resolve("corpus.index");
    System.setProperty(BundledCorpus.PROPERTY, corpus.toString());
    System.setProperty(BundledCorpus.INDEX_PROPERTY, index.toString());
  }

  @AfterEach
  void forgetTheCorpus() {
    System.clearProperty(BundledCorpus.PROPERTY);
    System.clearProperty(BundledCorpus.INDEX_PROPERTY);
  }

  @Test
  void fingerprintChangesWithAFilesContent() throws IOException {
    Files.writeString(markdown, "- [Xen](http://x) 虚拟机\n");
    String before = BundledCorpus.folderFingerprint(corpus);

    Files.writeString(markdown, "- [Xen](http://x) 虚拟机监视器\n");

    assertNotEquals(before, BundledCorpus.folderFingerprint(corpus));
  }

  @Test
  void fingerprintChangesWithAnAddedFile() throws IOException {
    Files.writeString(markdown, "- [Xen](http://x) 虚拟机\n");
    String before = BundledCorpus.folderFingerprint(corpus);

    Files.writeString(corpus.resolve("b.md"), "- [KVM](http://k) hypervisor\n");

    assertNotEquals(before, BundledCorpus.folderFingerprint(corpus));
  }

  @Test
  void fingerprintOfAMissingFolderIsNull() {
    assertNull(BundledCorpus.folderFingerprint(dir.resolve("missing")));
  }

  @Test
  void prebuiltIndexIsOpenedWhileTheCorpusIsAsItWasBuiltFrom() throws IOException {
    // An index of other text under the corpus's fingerprint: what is found shows which was used.
    Files.writeString(markdown, "- [KVM](http://k) hypervisor\n");
    List<Entry> other = entries();
    Files.writeString(markdown, "- [Xen](http://x) 虚拟机\n");
    writePrebuiltOf("- [KVM](http://k) hypervisor\n");

    assertEquals(other, openedEntries());
  }

  @Test
  void editedCorpusIsIndexedAgain() throws IOException {
    Files.writeString(markdown, "- [Xen](http://x) 虚拟机\n");
    writePrebuiltOf("- [Xen](http://x) 虚拟机\n");

    Files.writeString(markdown, "- [Xen](http://x) 虚拟机监视器\n");

    assertEquals(entries(), openedEntries());
  }

  @Test
  void withoutAPrebuiltIndexTheCorpusIsIndexed() throws IOException {
    Files.writeString(markdown, "- [Xen](http://x) 虚拟机\n");

    assertEquals(entries(), openedEntries());
  }

  /** Writes an index of {@code text} in the corpus's file, under the corpus's fingerprint now. */
  private void writePrebuiltOf(String text) throws IOException {
    String fingerprint = BundledCorpus.folderFingerprint(corpus);
    String now = Files.readString(markdown);
    Files.writeString(markdown, text);
    try (BiSearch search = BiSearch.inMemory();
        OutputStream out = Files.newOutputStream(index)) {
      search.add(corpus);
      BundledCorpus.writePrebuilt(search, fingerprint, out);
    } finally {
      Files.writeString(markdown, now);
    }
  }

  /** The entries that indexing the corpus as it is now gives. */
  private List<Entry> entries() {
    try (BiSearch search = BiSearch.inMemory()) {
      search.add(corpus);
      return search.entries();
    }
  }

  private static List<Entry> openedEntries() {
    try (BiSearch search = BundledCorpus.open(BiSearch.builder())) {
      return search.entries();
    }
  }
}
