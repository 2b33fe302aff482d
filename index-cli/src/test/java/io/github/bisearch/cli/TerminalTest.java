package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bisearch.search.DisplayWidth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * search-cli in a real pseudo-terminal (util-linux {@code script}) and in a pipe: colour and
 * wrapping only on a terminal, never an escape code in a pipe or with {@code NO_COLOR}.
 */
class TerminalTest {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs search-cli with {@code args}, in a pseudo-terminal or a pipe, and returns stdout. */
  private static String run(boolean terminal, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(CliProcess.jvmOptions());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.github.bisearch.cli.SearchCli");
    command.addAll(List.of(args));
    ProcessBuilder builder;
    if (terminal) {
      StringBuilder line = new StringBuilder();
      for (String part : command) {
        line.append('\'').append(part.replace("'", "'\\''")).append("' ");
      }
      builder = new ProcessBuilder(SCRIPT.toString(), "-qec", line.toString(), "/dev/null");
    } else {
      builder = new ProcessBuilder(command);
    }
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("search-cli", ".out");
    builder.redirectOutput(out.toFile()).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "search-cli did not finish");
    String text = Files.readString(out, StandardCharsets.UTF_8).replace("\r\n", "\n");
    Files.delete(out);
    return text;
  }

  @Test
  void terminalGetsColourAndWrappedLines() throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pseudo-terminal");
    String out = run(true, Map.of("COLUMNS", "40"), "-n", "2", "xen", "hypervisor");

    assertTrue(out.contains("\u001b[1mXen\u001b[0m"), out);
    assertTrue(out.contains("\u001b[1;33m虚拟机监视器\u001b[0m"), out);
    for (String line : out.split("\n")) {
      String visible = line.replaceAll("\u001b\\[[0-9;]*m", "");
      if (visible.contains("http") || visible.contains(".md:")) {
        continue; // urls and paths stay whole
      }
      assertTrue(DisplayWidth.of(visible, 0, visible.length()) <= 40, "too wide: " + line);
    }
  }

  @Test
  void noColorOnATerminalMeansNoEscapeCodes() throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pseudo-terminal");
    String out = run(true, Map.of("NO_COLOR", "1"), "-n", "1", "xen", "hypervisor");

    assertFalse(out.contains("\u001b"), out);
    assertTrue(out.contains("**虚拟机监视器**"), out);
  }

  @Test
  void pipeGetsNoEscapeCodesAndUnwrappedLines() throws Exception {
    String out = run(false, Map.of("COLUMNS", "40"), "-n", "1", "xen", "hypervisor");

    assertFalse(out.contains("\u001b"), out);
    assertEquals("1. Xen  [Projects > Virtual Machine]", out.split("\n")[0]);
    assertTrue(out.split("\n")[1].length() > 40, "a pipe is not wrapped");
  }

  private static Path docs(Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(
          docs.resolve("f" + i + ".md"), "# F\n\n- [Item](http://x/" + i + "): 容器 text\n");
    }
    return docs;
  }

  @Test
  void indexingOnATerminalShowsAProgressBar(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pseudo-terminal");
    String out =
        run(
            true,
            Map.of(),
            "index",
            "--index",
            dir.resolve("idx").toString(),
            docs(dir).toString());

    assertTrue(out.contains("Indexing"), out);
    assertTrue(out.contains("30/30 files"), out);
    assertTrue(out.contains("30 entries"), out);
    assertTrue(out.contains("indexed 30 files (30 new"), out);
  }

  @Test
  void indexingInAPipeShowsOnlyTheSummaryLine(@TempDir Path dir) throws Exception {
    String out =
        run(
            false,
            Map.of(),
            "index",
            "--index",
            dir.resolve("idx").toString(),
            docs(dir).toString());

    assertEquals(1, out.split("\n").length, out);
    assertTrue(
        out.startsWith(
            "indexed 30 files (30 new, 0 changed, 0 unchanged, 0 removed, 0 skipped), 30 entries into "),
        out);
  }

  @Test
  void quietIndexingPrintsNothingEvenOnATerminal(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pseudo-terminal");
    String out =
        run(
            true,
            Map.of(),
            "index",
            "--quiet",
            "--index",
            dir.resolve("idx").toString(),
            docs(dir).toString());

    assertEquals("", out);
  }
}
