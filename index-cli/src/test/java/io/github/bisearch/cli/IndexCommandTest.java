package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code search-cli index}: building an index from markdown files, then searching it. */
class IndexCommandTest {
  private static final String TOOLS =
      """
      ---
      title: "开发工具 Dev Tools"
      layout: page
      ---

      Intro paragraph about 编辑器 editors without a heading.

      # 工具

      ## 构建

      - [Maven](https://maven.apache.org/): 一个 Java 构建工具 for dependency management
      - [Gradle](https://gradle.org/): flexible build automation 构建自动化
        - [Kotlin DSL](https://docs.gradle.org/kotlin_dsl.html): 用 Kotlin 写构建脚本
      - Bazel: Google 的构建系统 without a link

      ```
      quokkaword inside code fence 袋鼠词
      ```

      <!-- wombatword hidden in an html comment 袋熊词 -->

      - [Unicorn Tracker](https://example.org/unicorn): tracks a unicorn herd
      """;

  private static final String NOTES =
      """
      # Notes

      Plain paragraph mentioning zebrafish and 斑马鱼.
      """;

  @TempDir Path temp;

  private Path docs;
  private Path tools;
  private Path notes;
  private Path index;

  @BeforeEach
  void writeDocs() throws IOException {
    docs = Files.createDirectory(temp.resolve("docs"));
    tools = Files.writeString(docs.resolve("tools.md"), TOOLS, StandardCharsets.UTF_8);
    notes = Files.writeString(docs.resolve("notes.markdown"), NOTES, StandardCharsets.UTF_8);
    index = temp.resolve("idx");
  }

  /** How hits name a file outside the working directory: its absolute path. */
  private static String source(Path file) {
    return file.toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  private CliRun indexPaths(Path... paths) {
    List<String> args = new ArrayList<>(List.of("index", "--index", index.toString()));
    for (Path path : paths) {
      args.add(path.toString());
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  /**
   * Asserts that {@code run} succeeded and printed only its summary line: {@code counts}, then the
   * index directory and the time taken.
   */
  private void assertSummary(String counts, CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.outLines().size(), run.out());
    assertTrue(
        run.outLines()
            .get(0)
            .matches(Pattern.quote(counts + " into " + index) + " in \\d+\\.\\d s"),
        run.out());
  }

  private void indexDocs() {
    CliRun run = indexPaths(docs);
    assertEquals(0, run.exitCode(), run.err());
  }

  private JsonObject search(String... words) {
    List<String> args = new ArrayList<>(List.of("--index", index.toString(), "--json"));
    args.addAll(List.of(words));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    return run.json();
  }

  private static List<String> titles(JsonObject result) {
    List<String> titles = new ArrayList<>();
    for (JsonElement hit : result.getAsJsonArray("hits")) {
      titles.add(hit.getAsJsonObject().get("title").getAsString());
    }
    return titles;
  }

  private static JsonObject onlyHit(JsonObject result) {
    assertEquals(1, result.get("total").getAsInt(), result.toString());
    return result.getAsJsonArray("hits").get(0).getAsJsonObject();
  }

  @Test
  void indexingReportsFilesEntriesDirectoryAndTime() {
    CliRun run = indexPaths(docs);

    assertEquals("", run.err());
    assertSummary(
        "indexed 2 files (2 new, 0 changed, 0 unchanged, 0 removed, 0 skipped), 7 entries", run);
  }

  @Test
  void listItemIsFoundWithItsTitleUrlSectionSourceAndLine() {
    indexDocs();

    JsonObject hit = onlyHit(search("Maven"));

    assertEquals("Maven", hit.get("title").getAsString());
    assertEquals("https://maven.apache.org/", hit.get("url").getAsString());
    assertEquals("工具 > 构建", hit.get("section").getAsString());
    assertEquals("一个 Java 构建工具 for dependency management", hit.get("text").getAsString());
    assertEquals(source(tools), hit.get("source").getAsString());
    assertEquals(12, hit.get("line").getAsInt());
    assertEquals("mixed", hit.get("lang").getAsString());
  }

  @Test
  void nestedItemHasItsParentItemInItsSection() {
    indexDocs();

    JsonObject hit = onlyHit(search("Kotlin"));

    assertEquals("Kotlin DSL", hit.get("title").getAsString());
    assertEquals("工具 > 构建 > Gradle", hit.get("section").getAsString());
    assertEquals("用 <em>Kotlin</em> 写构建脚本", hit.get("snippet").getAsString());
    assertEquals(14, hit.get("line").getAsInt());
  }

  @Test
  void itemWithoutLinkTakesTheTermBeforeTheColonAsTitle() {
    indexDocs();

    JsonObject hit = onlyHit(search("Bazel"));

    assertEquals("Bazel", hit.get("title").getAsString());
    assertTrue(hit.get("url").isJsonNull());
    assertEquals("Google 的构建系统 without a link", hit.get("text").getAsString());
    assertEquals(15, hit.get("line").getAsInt());
  }

  @Test
  void paragraphBeforeAnyHeadingIsTitledByFrontMatter() {
    indexDocs();

    JsonObject hit = onlyHit(search("editors"));

    assertEquals("开发工具 Dev Tools", hit.get("title").getAsString());
    assertEquals("", hit.get("section").getAsString());
    assertEquals(
        "Intro paragraph about <em>编辑器</em> <em>editors</em> without a heading.",
        hit.get("snippet").getAsString());
    assertEquals(6, hit.get("line").getAsInt());
  }

  @Test
  void paragraphInMarkdownExtensionFileIsTitledByItsHeading() {
    indexDocs();

    JsonObject hit = onlyHit(search("斑马鱼"));

    assertEquals("Notes", hit.get("title").getAsString());
    assertEquals("Notes", hit.get("section").getAsString());
    assertEquals(source(notes), hit.get("source").getAsString());
    assertEquals(3, hit.get("line").getAsInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"quokkaword", "袋鼠词"})
  void wordsInFencedCodeAreNotIndexed(String word) {
    indexDocs();

    assertEquals(0, search(word).get("total").getAsInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"wombatword", "袋熊词"})
  void wordsInHtmlCommentsAreNotIndexed(String word) {
    indexDocs();

    assertEquals(0, search(word).get("total").getAsInt());
  }

  @Test
  void itemAfterCodeAndCommentKeepsItsSectionAndLine() {
    indexDocs();

    JsonObject hit = onlyHit(search("unicorn"));

    assertEquals("Unicorn Tracker", hit.get("title").getAsString());
    assertEquals("工具 > 构建", hit.get("section").getAsString());
    assertEquals(23, hit.get("line").getAsInt());
  }

  @Test
  void textOutputForParagraphHasNoUrlLineAndShowsAbsoluteSource() {
    indexDocs();

    CliRun run = CliRun.of("--index", index.toString(), "zebrafish");

    assertEquals(
        List.of(
            "1. Notes  [Notes]",
            "   Plain paragraph mentioning **zebrafish** and 斑马鱼.",
            "   " + source(notes) + ":3",
            "",
            "1 of 1 result for: zebrafish"),
        run.outLines());
  }

  @Test
  void textOutputForEntryWithoutSectionHasNoBrackets() {
    indexDocs();

    CliRun run = CliRun.of("--index", index.toString(), "editors");

    assertEquals("1. 开发工具 Dev Tools", run.outLines().get(0));
  }

  @Test
  void indexingAgainDoesNotDuplicateEntries() {
    indexDocs();
    int before = search("构建").get("total").getAsInt();

    CliRun again = indexPaths(docs);

    assertSummary(
        "indexed 0 files (0 new, 0 changed, 2 unchanged, 0 removed, 0 skipped), 0 entries", again);
    assertEquals(5, before);
    assertEquals(before, search("构建").get("total").getAsInt());
  }

  @Test
  void changedFileIsReadAgainAndUnchangedOnesAreNot() throws IOException {
    indexDocs();
    Files.writeString(notes, "# Notes\n\nNow about narwhals.\n", StandardCharsets.UTF_8);

    CliRun run = indexPaths(docs);

    assertSummary(
        "indexed 1 file (0 new, 1 changed, 1 unchanged, 0 removed, 0 skipped), 1 entry", run);
    assertEquals(0, search("zebrafish").get("total").getAsInt());
    assertEquals(List.of("Notes"), titles(search("narwhals")));
  }

  @Test
  void fileWithANewModificationTimeIsReadAgain() throws IOException {
    indexDocs();
    FileTime modified = Files.getLastModifiedTime(tools);
    Files.setLastModifiedTime(tools, FileTime.from(modified.toInstant().plusSeconds(60)));

    CliRun run = indexPaths(docs);

    assertSummary(
        "indexed 1 file (0 new, 1 changed, 1 unchanged, 0 removed, 0 skipped), 6 entries", run);
    assertEquals(5, search("构建").get("total").getAsInt());
  }

  @Test
  void newFileIsIndexedBesideUnchangedOnes() throws IOException {
    indexDocs();
    Files.writeString(docs.resolve("more.md"), "- okapiword\n- 獾\n", StandardCharsets.UTF_8);

    CliRun run = indexPaths(docs);

    assertSummary(
        "indexed 1 file (1 new, 0 changed, 2 unchanged, 0 removed, 0 skipped), 2 entries", run);
    assertEquals(1, search("okapiword").get("total").getAsInt());
  }

  @Test
  void helpDocumentsTheSummaryLine() {
    CliRun run = CliRun.of("index", "--help");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .contains(
                "  indexed F files (N new, C changed, U unchanged, R removed, K skipped),\n"
                    + "  E entries into DIR in S s\n"),
        run.out());
  }

  @Test
  void indexOfAnOlderSchemaIsNotUpdated() throws IOException {
    Path old = temp.resolve("old");
    try (FSDirectory directory = FSDirectory.open(old);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.addDocument(new Document());
      writer.setLiveCommitData(Map.of("bisearch.schema", "1").entrySet());
      writer.commit();
    }

    CliRun run = CliRun.of("index", "--index", old.toString(), docs.toString());

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of(
            "search-cli: index at "
                + old
                + " cannot be read: it has schema version 1, this bisearch needs 5; reindex with"
                + " 'search-cli index --index NEW_DIR PATH...'"),
        run.errLines());
  }

  @Test
  void indexingAFileAgainReplacesItsEntries() throws IOException {
    indexDocs();
    Files.writeString(notes, "# Notes\n\nNow about narwhals.\n", StandardCharsets.UTF_8);

    CliRun run = indexPaths(notes);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(0, search("zebrafish").get("total").getAsInt());
    assertEquals(List.of("Notes"), titles(search("narwhals")));
  }

  @Test
  void missingPathIsErrorNamingThePath() {
    Path missing = temp.resolve("nope.md");

    CliRun run = indexPaths(missing);

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of("search-cli: " + missing + ": no such file or directory"), run.errLines());
  }

  @Test
  void missingPathLeavesEarlierEntriesSearchable() {
    indexDocs();

    CliRun run = indexPaths(docs, temp.resolve("nope.md"));

    assertEquals(1, run.exitCode());
    assertEquals(List.of("Maven"), titles(search("Maven")));
    assertEquals(5, search("构建").get("total").getAsInt());
  }

  @Test
  void indexOptionIsRequired() {
    CliRun run = CliRun.of("index", docs.toString());

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of(
            "search-cli: Missing required argument (specify one of these):"
                + " (--index=DIR | (--solr=URL --collection=NAME))"),
        run.errLines());
    assertFalse(Files.exists(index));
  }

  @Test
  void binaryFileIsReportedAndSkippedWhileOthersAreIndexed() throws IOException {
    Path binary = Files.write(docs.resolve("x.md"), new byte[] {'a', 'b', 0, 'c', 0, 'd'});

    CliRun run = indexPaths(docs);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(source(binary) + ": binary file, skipped"), run.errLines());
    assertSummary(
        "indexed 2 files (2 new, 0 changed, 0 unchanged, 0 removed, 1 skipped), 7 entries", run);
    assertEquals(List.of("Maven"), titles(search("Maven")));
  }

  @Test
  void invalidUtf8IsReportedAndIndexedWithReplacementCharacters() throws IOException {
    byte[] latin1 =
        "# Bad\n\n- caf\u00e9 latte: a drink called kaffeeword\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path bad = Files.write(docs.resolve("bad.md"), latin1);

    CliRun run = indexPaths(docs);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of(source(bad) + ": invalid UTF-8, bad bytes replaced with U+FFFD"), run.errLines());
    assertSummary(
        "indexed 3 files (3 new, 0 changed, 0 unchanged, 0 removed, 0 skipped), 8 entries", run);
    JsonObject hit = onlyHit(search("kaffeeword"));
    assertEquals("caf\uFFFD latte", hit.get("title").getAsString());
    assertEquals("a drink called kaffeeword", hit.get("text").getAsString());
  }

  @Test
  void folderIndexingSkipsHiddenFoldersAndNonMarkdownFiles() throws IOException {
    Path hidden = Files.createDirectory(docs.resolve(".git"));
    Files.writeString(hidden.resolve("secret.md"), "- hiddenword\n", StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("plain.txt"), "- textfileword\n", StandardCharsets.UTF_8);

    CliRun run = indexPaths(docs);

    assertSummary(
        "indexed 2 files (2 new, 0 changed, 0 unchanged, 0 removed, 0 skipped), 7 entries", run);
    assertEquals(0, search("hiddenword").get("total").getAsInt());
    assertEquals(0, search("textfileword").get("total").getAsInt());
  }

  @Test
  void customGlossaryTranslatesAChineseTermToEnglish() throws IOException {
    indexDocs();
    Path glossary =
        Files.writeString(
            temp.resolve("terms.tsv"), "# my terms\n独角兽\tunicorn\n", StandardCharsets.UTF_8);

    JsonObject result = search("--glossary", glossary.toString(), "独角兽");

    JsonObject hit = onlyHit(result);
    assertEquals("Unicorn Tracker", hit.get("title").getAsString());
    assertEquals("tracks a <em>unicorn</em> herd", hit.get("snippet").getAsString());
  }

  @Test
  void ccCedictDictionaryTranslatesATraditionalQuery() throws IOException {
    indexDocs();
    Path dictionary =
        Files.writeString(
            temp.resolve("dict.u8"),
            "# CC-CEDICT\n獨角獸 独角兽 [du2 jiao3 shou4] /unicorn/\n",
            StandardCharsets.UTF_8);

    JsonObject result = search("--dictionary", dictionary.toString(), "獨角獸");

    assertEquals("Unicorn Tracker", onlyHit(result).get("title").getAsString());
  }

  @Test
  void malformedDictionaryIsAUsageErrorNamingFileAndLine() throws IOException {
    Path dictionary =
        Files.writeString(temp.resolve("bad.u8"), "not an entry\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("--dictionary", dictionary.toString(), "docker");

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of(
            "search-cli: "
                + dictionary
                + ":1: not a CC-CEDICT entry (TRADITIONAL SIMPLIFIED [PINYIN] /GLOSS/)"),
        run.errLines());
  }

  @Test
  void withoutTheGlossaryTheChineseTermFindsNothing() {
    indexDocs();

    assertEquals(0, search("独角兽").get("total").getAsInt());
  }

  @Test
  void malformedGlossaryIsUsageErrorNamingFileAndLine() throws IOException {
    indexDocs();
    Path glossary =
        Files.writeString(
            temp.resolve("bad.tsv"), "好\tgood\nno tab on this line\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("--index", index.toString(), "--glossary", glossary.toString(), "独角兽");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of("search-cli: " + glossary + ":2: expected Chinese terms, one TAB, English terms"),
        run.errLines());
  }

  @Test
  void glossaryLineWithAnEmptySideNamesFileAndLine() throws IOException {
    Path glossary =
        Files.writeString(temp.resolve("empty-side.tsv"), "独角兽\t\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("--glossary", glossary.toString(), "docker");

    assertEquals(2, run.exitCode());
    assertEquals(List.of("search-cli: " + glossary + ":1: a side has no term"), run.errLines());
  }

  @Test
  void missingGlossaryFileIsReportedByName() {
    Path glossary = temp.resolve("missing.tsv");

    CliRun run = CliRun.of("--glossary", glossary.toString(), "docker");

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of("search-cli: " + glossary + ": no such glossary file"), run.errLines());
  }

  @Test
  void indexDirectoryThatIsAFileIsErrorNamingIt() throws IOException {
    Path file = Files.writeString(temp.resolve("not-a-dir"), "x", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("index", "--index", file.toString(), docs.toString());

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(1, run.errLines().size(), run.err());
    assertEquals(
        List.of("search-cli: cannot open index at " + file + ": not a directory"), run.errLines());
  }

  @Test
  void glossaryThatIsADirectoryIsAnErrorNotACrash() {
    CliRun run = CliRun.of("--glossary", temp.toString(), "docker");

    assertEquals(1, run.exitCode());
    assertEquals(
        List.of("search-cli: cannot read glossary " + temp + ": is a directory"), run.errLines());
  }

  @Test
  void entriesOfFilesDeletedFromAnIndexedFolderAreRemoved() throws IOException {
    indexDocs();
    assertEquals(5, search("构建").get("total").getAsInt());
    Files.delete(tools);

    CliRun again = indexPaths(docs);

    assertSummary(
        "indexed 0 files (0 new, 0 changed, 1 unchanged, 1 removed, 0 skipped), 0 entries", again);
    assertEquals(0, search("构建").get("total").getAsInt());
  }
}
