package io.github.bisearch.benchmarks;

import io.github.bisearch.BiSearch;
import io.github.bisearch.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The corpora and indexes the benchmarks read, built once outside any measurement and cached under
 * {@code benchmarks/target/fixtures/SIZE-SEED-VERSION/} ({@code bundled-VERSION/} for the bundled
 * corpus), where VERSION is the index schema's and the generator's: a fixture is rebuilt only when
 * either changes, or when its folder is deleted.
 *
 * <p>Each fixture folder holds {@code corpus/} (generated markdown; absent for the bundled corpus,
 * which is read from {@code corpus/}), {@code index/} (bisearch) and {@code single-field-index/}
 * (the SmartChineseAnalyzer baseline of {@link SingleFieldIndexer}), and a {@code complete} marker
 * written last, so that an interrupted build is started again.
 *
 * <p>Usage, from the repository root: {@code Fixtures CORPUS...} with corpora named {@code
 * bundled}, {@code 10k}, {@code 100k}, {@code 1m}.
 */
final class Fixtures {
  /** The generator's seed for every generated corpus. */
  static final long SEED = 42;

  /**
   * Changes whenever a fixture built before would no longer be the same: with the index schema, the
   * generator, or the built-in glossary (which the generator draws words from and the index holds
   * the terms of).
   */
  static final String VERSION =
      IndexSchema.VERSION + "." + CorpusGenerator.VERSION + "." + IndexSchema.glossaryFingerprint();

  private Fixtures() {}

  public static void main(String[] args) {
    for (String corpus : args) {
      long start = System.nanoTime();
      boolean built = ensure(corpus);
      System.err.printf(
          Locale.ROOT,
          "fixture %s: %s (%.1f s)%n",
          dir(corpus),
          built ? "built" : "reused",
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** The number of entries of a generated corpus; -1 for the bundled one. */
  static int entries(String corpus) {
    return switch (corpus) {
      case "bundled" -> -1;
      case "10k" -> 10_000;
      case "100k" -> 100_000;
      case "1m" -> 1_000_000;
      default ->
          throw new IllegalArgumentException(
              "unknown corpus " + corpus + ": use bundled, 10k, 100k or 1m");
    };
  }

  /** Where the fixtures of {@code corpus} live. */
  static Path dir(String corpus) {
    Path root = Path.of(System.getProperty("bisearch.fixtures", "benchmarks/target/fixtures"));
    int entries = entries(corpus);
    return entries < 0
        ? root.resolve("bundled-" + VERSION)
        : root.resolve(entries + "-" + SEED + "-" + VERSION);
  }

  /** The markdown of {@code corpus}. */
  static Path markdown(String corpus) {
    return entries(corpus) < 0
        ? Path.of(System.getProperty("bisearch.corpus", "corpus"))
        : dir(corpus).resolve("corpus");
  }

  /** The bisearch index of {@code corpus}; {@link #ensure} builds it. */
  static Path index(String corpus) {
    return dir(corpus).resolve("index");
  }

  /** The single-field SmartChineseAnalyzer index of {@code corpus}. */
  static Path singleFieldIndex(String corpus) {
    return dir(corpus).resolve("single-field-index");
  }

  /** Builds the fixtures of {@code corpus} unless they are complete; true if it built them. */
  static synchronized boolean ensure(String corpus) {
    Path dir = dir(corpus);
    Path complete = dir.resolve("complete");
    if (Files.exists(complete)) {
      return false;
    }
    try {
      deleteTree(dir);
      Files.createDirectories(dir);
      int entries = entries(corpus);
      long start = System.nanoTime();
      if (entries > 0) {
        new CorpusGenerator(SEED).write(entries, markdown(corpus));
        start = progress(corpus, "generated", start);
      }
      try (BiSearch search = BiSearch.builder().directory(index(corpus)).create(true).build()) {
        search.add(markdown(corpus));
      }
      start = progress(corpus, "indexed by bisearch", start);
      SingleFieldIndexer.write(markdown(corpus), singleFieldIndex(corpus), 2);
      progress(corpus, "indexed by the single-field baseline", start);
      Files.writeString(complete, "");
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build fixtures in " + dir, e);
    }
  }

  private static long progress(String corpus, String step, long since) {
    long now = System.nanoTime();
    System.err.printf(Locale.ROOT, "fixture %s: %s in %.1f s%n", corpus, step, (now - since) / 1e9);
    return now;
  }

  /** Bytes on disk of every file below {@code dir}. */
  static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(Fixtures::fileSize).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything in it, if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
