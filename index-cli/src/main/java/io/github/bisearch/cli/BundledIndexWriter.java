package io.github.bisearch.cli;

import io.github.bisearch.BiSearch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Run by the build: indexes the bundled corpus folder ahead of time, so that searching it starts
 * without segmenting a single Chinese sentence, and writes the index for {@link BundledCorpus}.
 * Must run in the repository's root folder, where the launcher runs searches from, so that file
 * names come out as they do there.
 *
 * <p>Usage: {@code BundledIndexWriter CORPUS_FOLDER OUTPUT_FILE}.
 */
final class BundledIndexWriter {
  /** As in {@link SearchCli}: Lucene's notes on the JVM it runs on are no build output. */
  private static final Logger LUCENE = Logger.getLogger("org.apache.lucene");

  private BundledIndexWriter() {}

  public static void main(String[] args) throws IOException {
    LUCENE.setLevel(Level.SEVERE);
    if (args.length != 2) {
      System.err.println("usage: BundledIndexWriter CORPUS_FOLDER OUTPUT_FILE");
      System.exit(SearchCli.EXIT_USAGE);
    }
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    Path output = Path.of(args[1]);
    String fingerprint = BundledCorpus.folderFingerprint(corpus);
    if (fingerprint == null) {
      throw new IOException("cannot read the corpus folder " + corpus);
    }
    Path folder = Files.createDirectories(output.toAbsolutePath().getParent());
    // Written aside and moved into place: a search running meanwhile reads the old file or the
    // new one, never half of one.
    Path written = folder.resolve(output.getFileName() + ".tmp");
    try (BiSearch search = BiSearch.inMemory()) {
      search.add(corpus);
      try (OutputStream out = Files.newOutputStream(written)) {
        BundledCorpus.writePrebuilt(search, fingerprint, out);
      }
      Files.move(
          written, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(written);
    }
  }
}
