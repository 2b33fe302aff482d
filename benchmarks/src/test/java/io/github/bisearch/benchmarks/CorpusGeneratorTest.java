package io.github.bisearch.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  private static final int ENTRIES = 3_000;

  @Test
  void theSameSeedWritesTheSameBytes(@TempDir Path dir) throws IOException {
    new CorpusGenerator(42).write(1_500, dir.resolve("a"));
    new CorpusGenerator(42).write(1_500, dir.resolve("b"));
    for (String file : List.of("part-00000.md", "part-00001.md")) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("a").resolve(file)),
          Files.readAllBytes(dir.resolve("b").resolve(file)),
          file);
    }
  }

  @Test
  void anotherSeedWritesOtherBytes(@TempDir Path dir) throws IOException {
    new CorpusGenerator(42).write(100, dir.resolve("a"));
    new CorpusGenerator(43).write(100, dir.resolve("b"));
    assertFalse(
        Arrays.equals(
            Files.readAllBytes(dir.resolve("a/part-00000.md")),
            Files.readAllBytes(dir.resolve("b/part-00000.md"))));
  }

  @Test
  void writesOneListEntryPerRequestedEntry(@TempDir Path dir) throws IOException {
    new CorpusGenerator(42).write(1_001, dir);
    assertEquals(1_001, descriptions(dir).size());
  }

  /**
   * A third of the descriptions each are Chinese, English and mixed; a mixed one drawn with no
   * English word at all (a few percent) reads as Chinese.
   */
  @Test
  void descriptionsAreChineseEnglishOrMixedInThirds(@TempDir Path dir) throws IOException {
    new CorpusGenerator(42).write(ENTRIES, dir);
    int[] counts = new int[3];
    for (String description : descriptions(dir)) {
      boolean han = description.codePoints().anyMatch(CorpusGeneratorTest::isHan);
      boolean latin = description.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c));
      counts[han && latin ? 2 : han ? 0 : 1]++;
    }
    assertEquals(ENTRIES, counts[0] + counts[1] + counts[2]);
    for (int kind = 0; kind < 3; kind++) {
      double share = counts[kind] / (double) ENTRIES;
      assertTrue(Math.abs(share - 1 / 3.0) < 0.04, "share of kind " + kind + ": " + share);
    }
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** The text after {@code ): } of every list entry. */
  private static List<String> descriptions(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files
          .sorted()
          .flatMap(
              file -> {
                try {
                  return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .filter(line -> line.startsWith("- ["))
          .map(line -> line.substring(line.indexOf("): ") + 3))
          .toList();
    }
  }
}
