package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One folder of hostile files beside good ones, indexed once; every good file must be found. */
class HostileFilesTest {
  @TempDir static Path temp;
  private static Path docs;
  private static Path index;
  private static CliRun run;

  private static Path write(String name, byte[] bytes) throws IOException {
    return Files.write(docs.resolve(name), bytes);
  }

  private static Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void indexHostileFolder() throws IOException {
    docs = Files.createDirectory(temp.resolve("docs"));
    index = temp.resolve("idx");
    write("good.md", "# 好文件\n\n- [Good](http://good): goodword 正常文件\n");
    write("binary.md", new byte[] {'#', ' ', 0, 1, 2, (byte) 0xff, 0, 'x'});
    write("empty.md", "");
    write(
        "bad-utf8.md",
        new byte[] {'b', 'a', 'd', 'w', 'o', 'r', 'd', ' ', (byte) 0xc3, '(', ' ', 'x'});
    byte[] utf16 = "# 标题\n\nutfsixteenword 容器\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] bom = new byte[utf16.length + 2];
    bom[0] = (byte) 0xff;
    bom[1] = (byte) 0xfe;
    System.arraycopy(utf16, 0, bom, 2, utf16.length);
    write("utf16.md", bom);
    write("control.md", "# c\n\ncontrolword \u0007\u001b[31m\u0000 red\n");
    // A lone surrogate can only reach a file as the bytes of its CESU-8 form (ED A0 80).
    byte[] before = "# s\n\nsurrogateword ".getBytes(StandardCharsets.UTF_8);
    byte[] after = " alone 🐳 e\u0301 עברית مرحبا\n".getBytes(StandardCharsets.UTF_8);
    byte[] surrogates = new byte[before.length + 3 + after.length];
    System.arraycopy(before, 0, surrogates, 0, before.length);
    surrogates[before.length] = (byte) 0xed;
    surrogates[before.length + 1] = (byte) 0xa0;
    surrogates[before.length + 2] = (byte) 0x80;
    System.arraycopy(after, 0, surrogates, before.length + 3, after.length);
    write("surrogates.md", surrogates);
    write("long-line.md", "# l\n\n" + "longlineword 虚拟机 ".repeat(60_000) + "\n");
    write("deep-quotes.md", ">".repeat(10_000) + " deepquoteword\n");
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      list.append("  ".repeat(i)).append("- deeplistword").append(i).append('\n');
    }
    write("deep-list.md", list.toString());
    run = CliRun.of("index", "--index", index.toString(), docs.toString());
  }

  private static JsonObject search(String word) {
    CliRun search = CliRun.of("--index", index.toString(), "--json", word);
    assertEquals(0, search.exitCode(), search.err());
    return search.json();
  }

  @Test
  void indexingSucceedsAndCountsOnlyReadableFiles() {
    assertEquals(0, run.exitCode(), run.err());
    // Ten files: two binary ones (one for its NUL byte among control characters) are skipped.
    assertTrue(
        run.out()
            .startsWith("indexed 8 files (8 new, 0 changed, 0 unchanged, 0 removed, 2 skipped), "),
        run.out());
  }

  @Test
  void eachBadFileGetsOneLineNamingItAndNoStackTrace() {
    List<String> expected = new ArrayList<>();
    expected.add(docs.resolve("bad-utf8.md") + ": invalid UTF-8, bad bytes replaced with U+FFFD");
    expected.add(docs.resolve("binary.md") + ": binary file, skipped");
    expected.add(docs.resolve("control.md") + ": binary file, skipped");
    expected.add(docs.resolve("surrogates.md") + ": invalid UTF-8, bad bytes replaced with U+FFFD");
    assertEquals(expected, run.errLines());
  }

  @Test
  void everyReadableFileIsSearchable() {
    for (String word :
        List.of(
            "goodword",
            "badword",
            "utfsixteenword",
            "surrogateword",
            "🐳",
            "longlineword",
            "deepquoteword",
            "deeplistword2999")) {
      assertEquals(1, search(word).get("total").getAsInt(), word);
    }
  }

  @Test
  void utf16FileIsReadAsUtf16() {
    JsonObject hit = search("utfsixteenword").getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals("标题", hit.get("title").getAsString());
    assertEquals("utfsixteenword 容器", hit.get("text").getAsString());
  }

  @Test
  void invalidBytesBecomeReplacementCharacters() {
    JsonObject hit = search("badword").getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals("badword \uFFFD( x", hit.get("text").getAsString());
  }

  @Test
  void emojiCombiningMarksAndRightToLeftTextSurvive() {
    JsonObject hit = search("surrogateword").getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals(
        "surrogateword \uFFFD alone 🐳 e\u0301 עברית مرحبا", hit.get("text").getAsString());
  }
}
