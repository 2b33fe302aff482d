package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import io.github.bisearch.BiSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * search-cli as separate processes sharing one index directory: killed while indexing, locked out
 * by another indexer, searched while another process indexes, and searched read-only.
 */
class ProcessRobustnessTest {
  /** Enough files that indexing them takes seconds, so that a child can be caught mid-way. */
  private static final int FILES = 2000;

  private static final int ITEMS_PER_FILE = 20;

  /** Files between two commits, as {@link BiSearch#add} commits them. */
  private static final int COMMIT_EVERY_FILES = 200;

  /** In the first list item of every file, and nowhere else. */
  private static final String FIRST_ITEM_WORD = "firstitemword";

  /** What the JVM reports as the exit code of a process ended by SIGKILL (128 + 9). */
  private static final int KILLED = 137;

  @TempDir static Path shared;

  private static Path docs;

  @TempDir Path temp;

  /** The same {@link #FILES} markdown lists for every test: only the index differs. */
  @BeforeAll
  static void writeDocs() throws IOException {
    docs = Files.createDirectory(shared.resolve("docs"));
    for (int file = 0; file < FILES; file++) {
      StringBuilder markdown = new StringBuilder("# Tools\n\n");
      for (int item = 0; item < ITEMS_PER_FILE; item++) {
        markdown
            .append("- Tool ")
            .append(uniqueWord(file, item))
            .append(": builds 容器 images and 镜像 layers for testing")
            .append(item == 0 ? " " + FIRST_ITEM_WORD : "")
            .append('\n');
      }
      Files.writeString(
          docs.resolve(String.format(Locale.ROOT, "f%04d.md", file)),
          markdown,
          StandardCharsets.UTF_8);
    }
  }

  /**
   * A word found in one list item only. Letters only: the tokenizer would split a word at a digit.
   * It ends in x so that no stemmer takes anything off.
   */
  private static String uniqueWord(int file, int item) {
    return "qz" + letters(file, 3) + letters(item, 1) + "x";
  }

  private static String letters(int number, int width) {
    char[] letters = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      letters[i] = (char) ('a' + number % 26);
      number /= 26;
    }
    return new String(letters);
  }

  private CliProcess startIndexing(String name, Path index) throws IOException {
    return CliProcess.start(temp, name, "index", "--index", index.toString(), docs.toString());
  }

  /**
   * The total of an in-process {@code search-cli --index INDEX --json WORD}, which must succeed.
   */
  private static long total(Path index, String word) {
    CliRun run = CliRun.of("--index", index.toString(), "--json", word);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    return run.json().get("total").getAsLong();
  }

  private static long totalOf(String json) {
    return JsonParser.parseString(json).getAsJsonObject().get("total").getAsLong();
  }

  private static boolean hasCommit(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return false;
    }
    try (Stream<Path> files = Files.list(index)) {
      // Lucene writes pending_segments_N and renames it: segments_N is a finished commit.
      return files.anyMatch(file -> file.getFileName().toString().startsWith("segments_"));
    }
  }

  /** Waits until {@code indexing} has committed to {@code index} at least once. */
  private static void awaitCommit(Path index, CliProcess indexing)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CliProcess.TIMEOUT_SECONDS);
    while (!hasCommit(index)) {
      if (!indexing.isAlive()) {
        fail("indexing ended before its first commit; stderr: " + indexing.err());
      }
      if (System.nanoTime() > deadline) {
        fail("no commit in " + index + " after " + CliProcess.TIMEOUT_SECONDS + " s");
      }
      Thread.sleep(10);
    }
  }

  private static void assertWholeCommits(long total) {
    assertTrue(
        total > 0 && total < FILES && total % COMMIT_EVERY_FILES == 0,
        "expected some but not all commits of " + COMMIT_EVERY_FILES + " files, found " + total);
  }

  @Test
  void killedIndexingLeavesItsLastCommitAndRerunCompletesWithoutDuplicates() throws Exception {
    Path index = temp.resolve("idx");
    try (CliProcess indexing = startIndexing("killed", index)) {
      awaitCommit(index, indexing);
      assertTrue(indexing.isAlive(), "indexing ended before it could be killed");

      assertEquals(KILLED, indexing.kill());
      assertEquals("", indexing.out());
    }

    long committed = total(index, FIRST_ITEM_WORD);
    assertWholeCommits(committed);
    assertEquals(1, total(index, uniqueWord(0, 7)));

    try (CliProcess rerun = startIndexing("rerun", index)) {
      assertEquals(0, rerun.waitFor(), rerun.err());
      assertEquals("", rerun.err());
      // The files of the commits before the kill are unchanged and not read again.
      long rest = FILES - committed;
      String counts =
          String.format(
              Locale.ROOT,
              "indexed %d files (%d new, 0 changed, %d unchanged, 0 removed, 0 skipped), %d entries into ",
              rest,
              rest,
              committed,
              rest * ITEMS_PER_FILE);
      assertTrue(
          rerun.out().matches(Pattern.quote(counts + index) + " in \\d+\\.\\d s\n"), rerun.out());
    }
    assertEquals(1, total(index, uniqueWord(0, 7)));
    assertEquals(1, total(index, uniqueWord(FILES - 1, ITEMS_PER_FILE - 1)));
    assertEquals(FILES, total(index, FIRST_ITEM_WORD));
    try (BiSearch search = BiSearch.builder().directory(index).create(false).build()) {
      assertEquals(FILES * ITEMS_PER_FILE, search.size());
    }
  }

  @Test
  void secondIndexerOnALockedIndexFailsWithOneLineAndLeavesTheIndexIntact() throws Exception {
    Path index = temp.resolve("idx");
    try (CliProcess first = startIndexing("first", index)) {
      // A commit means the writer, and so the lock, is held; it also leaves something to search.
      awaitCommit(index, first);

      try (CliProcess second = startIndexing("second", index)) {
        int exitCode = second.waitFor();
        assertTrue(first.isAlive(), "the first indexer ended before the second one was refused");

        assertEquals(1, exitCode);
        assertEquals("", second.out());
        assertEquals(
            List.of("search-cli: index is locked by another process: " + index), second.errLines());
      }
      assertEquals(KILLED, first.kill());
    }

    assertWholeCommits(total(index, FIRST_ITEM_WORD));
  }

  @Test
  void searchesWhileAnotherProcessIndexesSeeWholeCommitsThatNeverShrink() throws Exception {
    Path index = temp.resolve("idx");
    List<Long> totals = new ArrayList<>();
    try (CliProcess indexing = startIndexing("indexing", index)) {
      awaitCommit(index, indexing);
      // Searching on until three different commits have been seen is enough; then it is killed.
      while (indexing.isAlive() && totals.stream().distinct().count() < 3) {
        totals.add(total(index, FIRST_ITEM_WORD));
      }
    }
    totals.add(total(index, FIRST_ITEM_WORD));

    for (int i = 1; i < totals.size(); i++) {
      assertTrue(totals.get(i) >= totals.get(i - 1), "total went down: " + totals);
    }
    for (long total : totals) {
      assertTrue(total > 0 && total % COMMIT_EVERY_FILES == 0, "not whole commits: " + totals);
    }
    assertTrue(totals.stream().distinct().count() >= 2, "no commit seen mid-way: " + totals);
  }

  /** A small index built and closed in this JVM, with no write lock left in it. */
  private Path smallIndex() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("small"));
    Files.writeString(
        folder.resolve("a.md"),
        "# Tools\n\n- Tool: builds lockfreeword images\n",
        StandardCharsets.UTF_8);
    Path index = temp.resolve("idx");
    CliRun run = CliRun.of("index", "--index", index.toString(), folder.toString());
    assertEquals(0, run.exitCode(), run.err());
    // Lucene leaves the lock file of a closed writer behind; its presence says nothing then.
    Files.deleteIfExists(index.resolve("write.lock"));
    return index;
  }

  @Test
  void searchingAnIndexCreatesNoWriteLock() throws Exception {
    Path index = smallIndex();

    try (BiSearch search = BiSearch.builder().directory(index).create(false).build()) {
      assertEquals(1, search.search("lockfreeword", 10).total());
    }
    assertFalse(Files.exists(index.resolve("write.lock")), "an in-process search took the lock");

    try (CliProcess search =
        CliProcess.start(temp, "search", "--index", index.toString(), "--json", "lockfreeword")) {
      assertEquals(0, search.waitFor(), search.err());
      assertEquals(1, totalOf(search.out()), search.out());
    }
    assertFalse(Files.exists(index.resolve("write.lock")), "search-cli took the lock");
  }

  @Test
  void readOnlyIndexDirectoryIsSearchedByAnotherProcess() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path index = smallIndex();
    Set<PosixFilePermission> readOnly = PosixFilePermissions.fromString("r--r--r--");
    Set<PosixFilePermission> readOnlyDirectory = PosixFilePermissions.fromString("r-xr-xr-x");
    List<Path> files;
    try (Stream<Path> list = Files.list(index)) {
      files = list.toList();
    }
    try {
      for (Path file : files) {
        Files.setPosixFilePermissions(file, readOnly);
      }
      Files.setPosixFilePermissions(index, readOnlyDirectory);
      assumeFalse(
          Files.isWritable(index), "permission bits are not enforced here (running as root?)");

      try (CliProcess search =
          CliProcess.start(temp, "search", "--index", index.toString(), "--json", "lockfreeword")) {
        assertEquals(0, search.waitFor(), search.err());
        assertEquals("", search.err());
        assertEquals(1, totalOf(search.out()), search.out());
      }
    } finally {
      Set<PosixFilePermission> writable = PosixFilePermissions.fromString("rwx------");
      Files.setPosixFilePermissions(index, writable);
      for (Path file : files) {
        Files.setPosixFilePermissions(file, writable);
      }
    }
  }
}
