package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.bisearch.BiSearch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prebuilt index of the bundled corpus, and when it may stand in for indexing at start-up. */
class BundledCorpusTest {
  @TempDir Path dir;

  @Test
  void folderFingerprintChangesWithAFilesContent() throws IOException {
    Files.writeString(dir.resolve("a.md"), "- [Xen](http://x) 虚拟机\n");
    String before = BundledCorpus.folderFingerprint(dir);

    Files.writeString(dir.resolve("a.md"), "- [Xen](http://x) 虚拟机监视器\n");

    assertNotEquals(before, BundledCorpus.folderFingerprint(dir));
  }

  @Test
  void folderFingerprintChangesWithAnAddedFile() throws IOException {
    Files.writeString(dir.resolve("a.md"), "- [Xen](http://x) 虚拟机\n");
    String before = BundledCorpus.folderFingerprint(dir);

    Files.writeString(dir.resolve("b.md"), "- [KVM](http://k) hypervisor\n");

    assertNotEquals(before, BundledCorpus.folderFingerprint(dir));
  }

  @Test
  void folderFingerprintOfAMissingFolderIsNull() {
    assertNull(BundledCorpus.folderFingerprint(dir.resolve("missing")));
  }

  @Test
  void prebuiltIndexHoldsWhatIndexingTheResourceGives() throws IOException {
    byte[] markdown = BundledCorpus.resourceBytes();
    ByteArrayOutputStream prebuilt = new ByteArrayOutputStream();
    try (BiSearch search = BiSearch.inMemory()) {
      search.addMarkdown(BundledCorpus.RESOURCE, new String(markdown, StandardCharsets.UTF_8));
      BundledCorpus.writePrebuilt(search, BundledCorpus.resourceFingerprint(markdown), prebuilt);
      try (BiSearch reopened =
          BiSearch.builder().snapshot(skipFingerprint(prebuilt.toByteArray())).build()) {
        assertEquals(search.entries(), reopened.entries());
      }
    }
  }

  @Test
  void bundledCorpusOpensWithAllItsEntries() {
    try (BiSearch prebuilt = BundledCorpus.open(BiSearch.builder());
        BiSearch indexed = BiSearch.inMemory()) {
      indexed.addMarkdown(
          BundledCorpus.RESOURCE,
          new String(BundledCorpus.resourceBytes(), StandardCharsets.UTF_8));
      assertEquals(indexed.entries(), prebuilt.entries());
    }
  }

  private static ByteArrayInputStream skipFingerprint(byte[] prebuilt) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(prebuilt);
    new DataInputStream(in).readUTF();
    return in;
  }
}
