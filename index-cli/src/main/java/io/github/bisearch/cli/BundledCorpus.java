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
 * <p>The build indexes both ahead of time ({@link BundledIndexWriter}) and ships the indexes in the
 * jar, each headed by a fingerprint of what it was built from: the files' paths and contents and
 * the working directory (which the shown file names are relative to). When the fingerprint of what
 * would be indexed now is the same, the index is opened as it is; otherwise (the corpus was edited,
 * or search-cli runs from another folder) the corpus is indexed at start-up as before.
 */
final class BundledCorpus {
  static final String PROPERTY = "bisearch.corpus";
  static final String RESOURCE = "corpus/docker-awesome.md";

  /** The index of the corpus folder, as the launcher names it from the repository's root. */
  static final String FOLDER_INDEX = "bundled-index/folder.index";

  /** The index of {@link #RESOURCE}. */
  static final String RESOURCE_INDEX = "bundled-index/resource.index";

  private BundledCorpus() {}

  /** Opens the bundled corpus with {@code builder}'s options. */
  static BiSearch open(BiSearch.Builder builder) {
    String folder = System.getProperty(PROPERTY);
    if (folder != null && Files.isDirectory(Path.of(folder))) {
      Path corpus = Path.of(folder);
      String fingerprint = folderFingerprint(corpus);
      BiSearch prebuilt =
          fingerprint == null ? null : openPrebuilt(builder, FOLDER_INDEX, fingerprint);
      if (prebuilt != null) {
        StartupTrace.mark("prebuilt index of the corpus folder opened");
        return prebuilt;
      }
      BiSearch search = builder.build();
      search.add(corpus);
      StartupTrace.mark("corpus folder indexed");
      return search;
    }
    byte[] markdown = resourceBytes();
    BiSearch prebuilt = openPrebuilt(builder, RESOURCE_INDEX, resourceFingerprint(markdown));
    if (prebuilt != null) {
      StartupTrace.mark("prebuilt index of the bundled corpus opened");
      return prebuilt;
    }
    BiSearch search = builder.build();
    search.addMarkdown(RESOURCE, new String(markdown, StandardCharsets.UTF_8));
    StartupTrace.mark("bundled corpus indexed");
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
    fingerprint.append("folder\t").append(Path.of("").toAbsolutePath()).append('\n');
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

  /** What indexing {@link #RESOURCE} depends on: its content. */
  static String resourceFingerprint(byte[] markdown) {
    return "resource\t" + RESOURCE + '\t' + checksum(markdown) + '\n';
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
   * The index in the resource {@code name} if it was built from what {@code fingerprint} describes;
   * null if it was not, or the jar holds no such resource (as when the program runs from its
   * classes before the build wrote them).
   */
  private static BiSearch openPrebuilt(BiSearch.Builder builder, String name, String fingerprint) {
    byte[] bytes;
    try (InputStream in = BundledCorpus.class.getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
      if (!data.readUTF().equals(fingerprint)) {
        return null;
      }
      return builder.snapshot(data).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
