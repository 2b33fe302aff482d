package io.github.bisearch.cli;

import io.github.bisearch.BiSearch;
import io.github.bisearch.ingest.MarkdownFiles;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The corpus searched when no index is named: the repository's {@code corpus/} folder when the
 * launcher points at it ({@code -Dbisearch.corpus}), else the copy built into the jar.
 *
 * <p>The build indexes the folder ahead of time ({@link BundledIndexWriter}), headed by a
 * fingerprint of what the index was built from: the working directory (which shown file names are
 * relative to) and each file's absolute path (which entry ids derive from) and content. The
 * launcher names that file ({@code -Dbisearch.corpus.index}). When the fingerprint of what would be
 * indexed now is the same, the index is opened as it is; otherwise (the corpus was edited, or
 * search-cli runs from another folder) the corpus is indexed at start-up as before. It lives next
 * to the jar, not in it, as it holds the paths of this checkout.
 */
final class BundledCorpus {
  static final String PROPERTY = "bisearch.corpus";
  static final String RESOURCE = "corpus/docker-awesome.md";

  /** The index of the corpus folder written by {@link BundledIndexWriter}, if there is one. */
  static final String INDEX_PROPERTY = "bisearch.corpus.index";

  private BundledCorpus() {}

  /** Opens the bundled corpus with {@code builder}'s options. */
  static BiSearch open(BiSearch.Builder builder) {
    String folder = System.getProperty(PROPERTY);
    if (folder != null && Files.isDirectory(Path.of(folder))) {
      Path corpus = Path.of(folder);
      BiSearch prebuilt = openPrebuilt(builder, corpus);
      if (prebuilt != null) {
        StartupTrace.mark("prebuilt index of the corpus folder opened");
        return prebuilt;
      }
      BiSearch search = builder.build();
      search.add(corpus);
      StartupTrace.mark("corpus folder indexed");
      return search;
    }
    BiSearch search = builder.build();
    search.addMarkdown(RESOURCE, new String(resourceBytes(), StandardCharsets.UTF_8));
    return search;
  }

  /** The markdown of {@link #RESOURCE}. */
  static byte[] resourceBytes() {
    try (InputStream in = BundledCorpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled corpus is missing from the jar: " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What indexing {@code corpus} from the working directory depends on: the working directory, and
   * each markdown file's absolute path and content; null if the folder cannot be read (indexing
   * then reports why).
   */
  static String folderFingerprint(Path corpus) {
    StringBuilder fingerprint = new StringBuilder();
    fingerprint.append(Path.of("").toAbsolutePath()).append('\n');
    try {
      List<Path> files = MarkdownFiles.find(corpus);
      for (Path file : files) {
        fingerprint
            .append(file.toAbsolutePath().normalize())
            .append('\t')
            .append(checksum(Files.readAllBytes(file)))
            .append('\n');
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return fingerprint.toString();
  }

  /** Writes {@code search} headed by {@code fingerprint}, as {@link #openPrebuilt} reads it. */
  static void writePrebuilt(BiSearch search, String fingerprint, OutputStream out)
      throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeUTF(fingerprint);
    search.writeSnapshot(data);
    data.flush();
  }

  /**
   * The prebuilt index if there is one and it was built from {@code corpus} as it is now, seen from
   * this working directory; else null.
   */
  private static BiSearch openPrebuilt(BiSearch.Builder builder, Path corpus) {
    String file = System.getProperty(INDEX_PROPERTY);
    if (file == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      return null; // missing or unreadable: it only ever saves time
    }
    String fingerprint = folderFingerprint(corpus);
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
    try {
      if (fingerprint == null || !data.readUTF().equals(fingerprint)) {
        return null;
      }
    } catch (IOException e) {
      return null; // not a file that BundledIndexWriter wrote
    }
    return builder.snapshot(data).build();
  }

  /**
   * A file's length and CRC-32C: enough to tell an edited file (Lucene checks its own files the
   * same way), and unlike a MessageDigest it needs no security provider set up at start-up.
   */
  private static String checksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return bytes.length + "\t" + Long.toHexString(crc.getValue());
  }
}
