package io.github.bisearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder large enough to be indexed by several threads gives the same index, report and problems
 * as one thread would: every entry once, counts per file kind, problems in file order.
 */
class ParallelIndexTest {
  private static final int FILES = 12;
  private static final int ENTRIES_PER_FILE = 1_500;

  @TempDir Path temp;

  /** File {@code f}'s markdown: a unique word per file and per entry, Chinese and English. */
  private static String file(int f) {
    StringBuilder out = new StringBuilder("# 第" + f + "部分 part" + f + "\n\n");
    for (int e = 0; e < ENTRIES_PER_FILE; e++) {
      out.append(
          String.format(
              Locale.ROOT,
              "- [filemark%d entry%dx%d](https://example.org/%d/%d): 容器编排 kubernetes cluster"
                  + " 虚拟机监视器 hypervisor 第%d个条目，用于测试多线程索引。\n",
              f,
              f,
              e,
              f,
              e,
              e));
    }
    return out.toString();
  }

  @Test
  void largeFolderIsIndexedCompletelyAndReportedInFileOrder() throws IOException {
    Path docs = Files.createDirectory(temp.resolve("docs"));
    for (int f = 0; f < FILES; f++) {
      Files.writeString(
          docs.resolve(String.format(Locale.ROOT, "part-%02d.md", f)),
          file(f),
          StandardCharsets.UTF_8);
    }
    // Two unreadable files among the others: their problems come in file order.
    Files.write(docs.resolve("part-03b.md"), new byte[] {0, 1, 2, 0, 0, 7});
    Files.write(docs.resolve("part-07b.md"), new byte[] {0, 5, 0, 0});

    try (BiSearch search = BiSearch.builder().directory(temp.resolve("idx")).create(true).build()) {
      IndexReport report = search.add(docs);
      assertEquals(FILES, report.added());
      assertEquals(2, report.skipped());
      assertEquals(FILES * ENTRIES_PER_FILE, report.entries());
      assertEquals(
          List.of("part-03b.md: binary file, skipped", "part-07b.md: binary file, skipped"),
          report.problems().stream().map(p -> p.replace(docs + "/", "")).toList());
      assertEquals(FILES * ENTRIES_PER_FILE, search.size());
      for (int f = 0; f < FILES; f++) {
        assertEquals(ENTRIES_PER_FILE, search.search("filemark" + f, 0).total(), "file " + f);
      }
      assertEquals(1, search.search("entry7x1234", 10).total());
      assertEquals(
          "entry7x1234", search.search("entry7x1234", 10).hits().get(0).title().split(" ")[1]);

      IndexReport again = search.add(docs);
      assertEquals(0, again.added());
      assertEquals(FILES, again.unchanged());
      assertEquals(FILES * ENTRIES_PER_FILE, search.size());
    }
  }
}
