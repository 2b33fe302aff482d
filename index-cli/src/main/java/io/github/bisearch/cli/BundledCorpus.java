package io.github.bisearch.cli;

import io.github.bisearch.BiSearch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The corpus searched when no index is named: the repository's {@code corpus/} folder when the
 * launcher points at it ({@code -Dbisearch.corpus}), else the copy built into the jar.
 */
final class BundledCorpus {
  static final String PROPERTY = "bisearch.corpus";
  static final String RESOURCE = "corpus/docker-awesome.md";

  private BundledCorpus() {}

  static void addTo(BiSearch search) {
    String folder = System.getProperty(PROPERTY);
    if (folder != null && Files.isDirectory(Path.of(folder))) {
      search.add(Path.of(folder));
      return;
    }
    try (InputStream in = BundledCorpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled corpus is missing from the jar: " + RESOURCE);
      }
      search.addMarkdown(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
