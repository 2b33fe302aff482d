package io.github.bisearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BiSearch#stats()}: what an index holds, its size on disk and its last commit. */
class IndexStatsTest {
  static final String TOOLS =
      """
      # 工具

      ## 构建

      - 容器: 虚拟化技术的一种
      - Docker: container engine
      - Kubernetes: 一个 container 编排 system

      ## 测试

      - JUnit: unit testing framework
      """;

  static final String INTRO = "An introduction before any heading.\n";

  @TempDir Path dir;

  @Test
  void countsEntriesFilesLanguagesAndSections() {
    try (BiSearch search = BiSearch.inMemory()) {
      search.addMarkdown("tools.md", TOOLS);
      search.addMarkdown("intro.md", INTRO);
      search.addMarkdown("empty.md", "# Nothing but a heading\n");

      IndexStats stats = search.stats();

      assertEquals(5, stats.entries());
      assertEquals(3, stats.files());
      assertEquals(Map.of(Language.ZH, 1, Language.EN, 3, Language.MIXED, 1), stats.languages());
      assertEquals(2, stats.sections());
      assertEquals(
          List.of(new IndexStats.Section("工具 > 构建", 3), new IndexStats.Section("工具 > 测试", 1)),
          stats.topSections());
      assertEquals("5", stats.schemaVersion());
    }
  }

  @Test
  void languagesAreListedInLanguageOrderWithZeros() {
    try (BiSearch search = BiSearch.inMemory()) {
      search.addMarkdown("intro.md", INTRO);

      Map<Language, Integer> languages = search.stats().languages();

      assertEquals(
          List.of(Language.ZH, Language.EN, Language.MIXED), List.copyOf(languages.keySet()));
      assertEquals(List.of(0, 1, 0), List.copyOf(languages.values()));
    }
  }

  @Test
  void topSectionsAreTheFiveLargestWithTiesByName() {
    StringBuilder markdown = new StringBuilder();
    String[] sections = {"F", "E", "D", "C", "B", "A"};
    for (int i = 0; i < sections.length; i++) {
      markdown.append("# ").append(sections[i]).append("\n\n");
      // F gets three entries, E two, the others one each.
      int items = Math.max(1, 3 - i);
      for (int item = 0; item < items; item++) {
        markdown.append("- item").append(item).append('\n');
      }
      markdown.append('\n');
    }
    try (BiSearch search = BiSearch.inMemory()) {
      search.addMarkdown("s.md", markdown.toString());

      IndexStats stats = search.stats();

      assertEquals(6, stats.sections());
      assertEquals(
          List.of(
              new IndexStats.Section("F", 3),
              new IndexStats.Section("E", 2),
              new IndexStats.Section("A", 1),
              new IndexStats.Section("B", 1),
              new IndexStats.Section("C", 1)),
          stats.topSections());
    }
  }

  @Test
  void sizeOnDiskIsTheSumOfTheIndexFiles() throws IOException {
    try (BiSearch search = BiSearch.open(dir)) {
      search.addMarkdown("tools.md", TOOLS);
    }
    long expected;
    try (Stream<Path> files = Files.list(dir)) {
      expected = files.mapToLong(file -> file.toFile().length()).sum();
    }

    try (BiSearch search = BiSearch.builder().directory(dir).create(false).build()) {
      assertEquals(expected, search.stats().sizeBytes());
      assertTrue(expected > 0);
    }
  }

  @Test
  void lastCommitIsWhenTheIndexLastChanged() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (BiSearch search = BiSearch.open(dir)) {
      search.addMarkdown("tools.md", TOOLS);
    }
    Instant after = Instant.now();

    try (BiSearch search = BiSearch.builder().directory(dir).create(false).build()) {
      Instant committed = search.stats().lastCommit();
      assertFalse(committed.isBefore(before) || committed.isAfter(after), committed.toString());
    }
  }

  @Test
  void emptyIndexHasNothingAndNoCommit() {
    try (BiSearch search = BiSearch.inMemory()) {
      IndexStats stats = search.stats();

      assertEquals(0, stats.entries());
      assertEquals(0, stats.files());
      assertEquals(Map.of(Language.ZH, 0, Language.EN, 0, Language.MIXED, 0), stats.languages());
      assertEquals(0, stats.sections());
      assertEquals(List.of(), stats.topSections());
      assertEquals("5", stats.schemaVersion());
      assertNull(stats.lastCommit());
    }
  }

  @Test
  void statsAreImmutable() {
    try (BiSearch search = BiSearch.inMemory()) {
      search.addMarkdown("tools.md", TOOLS);
      IndexStats stats = search.stats();

      assertThrows(UnsupportedOperationException.class, () -> stats.languages().clear());
      assertThrows(UnsupportedOperationException.class, () -> stats.topSections().clear());
    }
  }
}
