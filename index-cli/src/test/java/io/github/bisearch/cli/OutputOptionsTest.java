package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bisearch.SearchResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --format, --fields, --section, --lang, --color, wrapping and command hints. */
class OutputOptionsTest {
  @Test
  void aTotalPastTheExactCountIsShownAsALowerBound() {
    SearchResult result = new SearchResult("docker", 1_000, false, List.of());
    StringWriter text = new StringWriter();
    TextOutput.print(result, new PrintWriter(text, true), TextOutput.Style.PLAIN, false, 0);
    assertEquals(
        "0 of at least 1000 results for: docker" + System.lineSeparator(), text.toString());

    JsonObject json = JsonOutput.toJson(result, List.of(HitField.values()));
    assertEquals(1_000, json.get("total").getAsInt());
    assertFalse(json.get("totalExact").getAsBoolean());
  }

  @Test
  void tsvHasAHeaderAndOneEscapedLinePerHit() {
    CliRun run = CliRun.of("--format", "tsv", "-n", "2", "xen", "hypervisor");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    assertEquals("rank\tscore\ttitle\turl\tsection\tsource\tline\tlang", lines.get(0));
    assertEquals(3, lines.size());
    assertTrue(
        lines
            .get(1)
            .matches(
                "1\t[0-9.]+\tXen\thttp://www.xenproject.org/\tProjects > Virtual Machine\t"
                    + "corpus/docker-awesome.md\t46\tzh"),
        lines.get(1));
  }

  @Test
  void tsvFieldsAreChosenAndTabsInValuesEscaped() {
    assertEquals(
        "a\\tb\\\\c\\nd",
        "a\tb\\c\nd".replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
    CliRun run = CliRun.of("--format", "tsv", "--fields", "title,lang", "-n", "1", "microservices");

    assertEquals(List.of("title\tlang", "Eric Brewer：容器和微服务是计算的未来\tmixed"), run.outLines());
  }

  @Test
  void jsonlWritesOneObjectPerHitWithTheQuery() {
    CliRun run =
        CliRun.of("--format", "jsonl", "--fields", "rank,title", "-n", "2", "xen hypervisor");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of(
            "{\"query\":\"xen hypervisor\",\"rank\":1,\"title\":\"Xen\"}",
            "{\"query\":\"xen hypervisor\",\"rank\":2,\"title\":\"XenServer\"}"),
        run.outLines());
  }

  @Test
  void jsonFieldsKeepOnlyTheChosenOnes() {
    CliRun run = CliRun.of("--format", "json", "--fields", "title,url", "-n", "1", "hypervisor");

    JsonObject hit = run.json().getAsJsonArray("hits").get(0).getAsJsonObject();
    assertEquals(List.of("title", "url"), List.copyOf(hit.keySet()));
  }

  @Test
  void languageFilterKeepsOnlyThatLanguage() {
    CliRun run = CliRun.of("--format", "tsv", "--fields", "title,lang", "--lang", "en", "虚拟化");

    assertEquals(0, run.exitCode(), run.err());
    assertFalse(run.out().contains("\tzh"), run.out());
    assertTrue(run.out().contains("Kernel Virtual Machine\ten"), run.out());
  }

  @Test
  void sectionFilterMatchesSectionWordsInAnyScriptVariant() {
    CliRun run =
        CliRun.of("--format", "tsv", "--fields", "title", "--section", "VIRTUAL machine", "容器");

    assertEquals(List.of("title", "Hyper"), run.outLines());
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    for (List<String> args :
        List.of(
            List.of("--format", "xml", "docker"),
            List.of("--fields", "title,nope", "--format", "tsv", "docker"),
            List.of("--fields", "title", "docker"),
            List.of("--lang", "fr", "docker"),
            List.of("--color", "sometimes", "docker"),
            List.of("--json", "--format", "tsv", "docker"),
            List.of("--section", "!!", "docker"))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, run.exitCode(), args.toString());
      assertEquals(1, run.errLines().size(), run.err());
      assertTrue(run.err().startsWith("search-cli: "), run.err());
    }
    assertEquals(
        List.of(
            "search-cli: unknown field 'nope' (fields: rank, score, id, title, url, section, text,"
                + " snippet, source, line, lang, date, matched)"),
        CliRun.of("--format", "tsv", "--fields", "title,nope", "docker").errLines());
  }

  @Test
  void colorAlwaysHighlightsWithAnsiAndNeverUsesPlainMarkers() {
    CliRun always = CliRun.of("--color=always", "-n", "1", "xen", "hypervisor");
    CliRun never = CliRun.of("--color=never", "-n", "1", "xen", "hypervisor");

    assertTrue(always.out().contains("\u001b[1;33m虚拟机监视器\u001b[0m"), always.out());
    assertTrue(always.out().contains("\u001b[1mXen\u001b[0m"), always.out());
    assertFalse(never.out().contains("\u001b"), never.out());
    assertTrue(never.out().contains("**虚拟机监视器**"), never.out());
  }

  @Test
  void wrappingCountsWideCharactersAsTwoColumnsAndKeepsWordsAndEscapesWhole() {
    List<String> lines =
        TextOutput.wrap("   一二三四五六七八九十 alpha beta gamma \u001b[1mdelta\u001b[0m", 16, 3);
    assertEquals(
        List.of("   一二三四五六", "   七八九十", "   alpha beta", "   gamma \u001b[1mdelta\u001b[0m"),
        lines);
    for (String line : lines) {
      assertTrue(
          io.github.bisearch.search.DisplayWidth.of(
                  line.replaceAll("\u001b\\[[0-9;]*m", ""),
                  0,
                  line.replaceAll("\u001b\\[[0-9;]*m", "").length())
              <= 16,
          line);
    }
  }

  @Test
  void mistypedCommandGetsAHintAndIsStillSearched() {
    CliRun run = CliRun.of("indx");

    assertEquals(0, run.exitCode());
    assertEquals(
        List.of("search-cli: 'indx' is not a command; did you mean 'index'? Searching for it."),
        run.errLines());
    assertEquals(List.of("No results for: indx"), run.outLines());
  }

  @Test
  void completionScriptIsGenerated() {
    CliRun run = CliRun.of("generate-completion");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("complete -F _complete_search-cli"), run.out().substring(0, 200));
  }

  @Test
  void helpOfEveryCommandHasExamplesInBothLanguages() {
    for (List<String> args :
        List.of(
            List.of("--help"),
            List.of("index", "--help"),
            List.of("stats", "--help"),
            List.of("shell", "--help"),
            List.of("analyze", "--help"),
            List.of("eval", "--help"),
            List.of("generate-completion", "--help"))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), args.toString());
      assertTrue(run.out().contains("Examples / 示例:"), run.out());
      assertTrue(run.out().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), run.out());
    }
  }

  @Test
  void batchHonoursFilters() {
    CliRun run = CliRun.withInput("虚拟化\n", "--batch", "--lang", "en");
    JsonObject result = JsonParser.parseString(run.outLines().get(0)).getAsJsonObject();
    result
        .getAsJsonArray("hits")
        .forEach(h -> assertEquals("en", h.getAsJsonObject().get("lang").getAsString()));
  }

  @Test
  void jsonOnStdoutStaysValidWhateverGoesToStderr() {
    CliRun json = CliRun.of("--format", "json", "indx", "docker");
    assertEquals(1, json.errLines().size(), json.err());
    assertEquals("indx docker", json.json().get("query").getAsString());

    CliRun lines = CliRun.of("--format", "jsonl", "-n", "3", "indx", "docker");
    assertEquals(1, lines.errLines().size(), lines.err());
    for (String line : lines.outLines()) {
      assertTrue(JsonParser.parseString(line).isJsonObject(), line);
    }
  }
}
