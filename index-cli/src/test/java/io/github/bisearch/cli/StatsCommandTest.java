package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bisearch.BiSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search-cli stats}: what an index holds, as aligned lines or one JSON object. */
class StatsCommandTest {
  private static final String TOOLS =
      """
      # 工具

      ## 构建

      - 容器: 虚拟化技术的一种
      - Docker: container engine
      - Kubernetes: 一个 container 编排 system

      ## 测试

      - JUnit: unit testing framework
      """;

  /** An ISO-8601 UTC instant to the second, as the last commit time is shown. */
  private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

  @TempDir Path temp;

  private Path docs;
  private Path index;

  @BeforeEach
  void indexDocs() throws IOException {
    docs = Files.createDirectory(temp.resolve("docs"));
    Files.writeString(docs.resolve("tools.md"), TOOLS, StandardCharsets.UTF_8);
    Files.writeString(
        docs.resolve("intro.md"), "An introduction before any heading.\n", StandardCharsets.UTF_8);
    index = temp.resolve("idx");
    CliRun run = CliRun.of("index", "--index", index.toString(), docs.toString());
    assertEquals(0, run.exitCode(), run.err());
  }

  private long bytesInIndex() throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      return files.mapToLong(file -> file.toFile().length()).sum();
    }
  }

  @Test
  void printsOneAlignedLinePerStatistic() throws IOException {
    CliRun run = CliRun.of("stats", "--index", index.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    List<String> lines = run.outLines();
    assertEquals(9, lines.size(), run.out());
    assertEquals(
        List.of(
            "entries:        5",
            "files:          2",
            "languages:      zh 1, en 3, mixed 1",
            "sections:       2",
            "top sections:   3  工具 > 构建",
            "                1  工具 > 测试"),
        lines.subList(0, 6));
    assertEquals("size on disk:   " + StatsCommand.size(bytesInIndex()), lines.get(6));
    assertTrue(
        lines.get(6).matches("size on disk:   \\d+ bytes \\(\\d+\\.\\d KiB\\)"), lines.get(6));
    assertEquals("schema version: 5", lines.get(7));
    assertTrue(lines.get(8).matches("last commit:    " + INSTANT), lines.get(8));
  }

  @Test
  void jsonHasTheSameStatistics() throws IOException {
    CliRun run = CliRun.of("stats", "--index", index.toString(), "--json");

    assertEquals(0, run.exitCode(), run.err());
    JsonObject json = run.json();
    String lastCommit = json.get("last_commit").getAsString();
    assertTrue(lastCommit.matches(INSTANT), lastCommit);
    json.remove("last_commit");
    assertEquals(
        JsonParser.parseString(
            "{\"entries\": 5, \"files\": 2, \"languages\": {\"zh\": 1, \"en\": 3, \"mixed\": 1},"
                + " \"sections\": 2, \"top_sections\": [{\"section\": \"工具 > 构建\", \"entries\": 3},"
                + " {\"section\": \"工具 > 测试\", \"entries\": 1}], \"size_bytes\": "
                + bytesInIndex()
                + ", \"schema_version\": \"5\"}"),
        json);
  }

  @Test
  void indexWithoutSectionsSaysNone() throws IOException {
    Path other = temp.resolve("other");
    Path file =
        Files.writeString(temp.resolve("plain.md"), "Just a paragraph.\n", StandardCharsets.UTF_8);
    assertEquals(0, CliRun.of("index", "--index", other.toString(), file.toString()).exitCode());

    CliRun run = CliRun.of("stats", "--index", other.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("sections:       0", run.outLines().get(3));
    assertEquals("top sections:   none", run.outLines().get(4));
  }

  @Test
  void statsOfAnIndexBeingWrittenNeedNoLock() {
    try (BiSearch writer = BiSearch.open(index)) {
      writer.addMarkdown("more.md", "- moreword\n"); // holds the write lock until closed

      CliRun run = CliRun.of("stats", "--index", index.toString());

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("entries:        6", run.outLines().get(0));
    }
  }

  @Test
  void missingIndexIsAnErrorAndCreatesNothing() {
    Path missing = temp.resolve("nope");

    CliRun run = CliRun.of("stats", "--index", missing.toString());

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of(
            "search-cli: no index at "
                + missing
                + ": build one with 'search-cli index --index "
                + missing
                + " PATH...'"),
        run.errLines());
    assertFalse(Files.exists(missing));
  }

  @Test
  void indexOfAnOlderSchemaSaysToReindex() throws IOException {
    Path old = temp.resolve("old");
    try (FSDirectory directory = FSDirectory.open(old);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new StringField("source_key", "a.md", Field.Store.NO));
      writer.addDocument(doc);
      writer.setLiveCommitData(Map.of("bisearch.schema", "1").entrySet());
      writer.commit();
    }

    CliRun run = CliRun.of("stats", "--index", old.toString());

    assertEquals(1, run.exitCode());
    assertEquals(
        List.of(
            "search-cli: index at "
                + old
                + " cannot be read: it has schema version 1, this bisearch needs 5; reindex with"
                + " 'search-cli index --index NEW_DIR PATH...'"),
        run.errLines());
  }

  @Test
  void indexOptionIsRequired() {
    CliRun run = CliRun.of("stats");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of("search-cli: Missing required option: '--index=DIR'"), run.errLines());
  }

  @Test
  void unknownOptionIsUsageError() {
    CliRun run = CliRun.of("stats", "--index", index.toString(), "--bogus");

    assertEquals(2, run.exitCode());
    assertEquals(List.of("search-cli: Unknown option: '--bogus'"), run.errLines());
  }

  @Test
  void helpShowsAnExample() {
    CliRun run = CliRun.of("stats", "--help");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.outLines().contains("  search-cli stats --index ./idx"), run.out());
  }

  @Test
  void sizesAreInBytesAndBinaryUnits() {
    assertEquals("0 bytes", StatsCommand.size(0));
    assertEquals("1 byte", StatsCommand.size(1));
    assertEquals("1023 bytes", StatsCommand.size(1023));
    assertEquals("1024 bytes (1.0 KiB)", StatsCommand.size(1024));
    assertEquals("1536 bytes (1.5 KiB)", StatsCommand.size(1536));
    assertEquals("5242880 bytes (5.0 MiB)", StatsCommand.size(5L << 20));
    assertEquals("1048575 bytes (1.0 MiB)", StatsCommand.size((1L << 20) - 1));
    assertEquals("3221225472 bytes (3.0 GiB)", StatsCommand.size(3L << 30));
  }
}
