package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --explain, matched, --batch, typo tolerance, analyze and eval on the bundled corpus. */
class QueryFeaturesTest {
  private static JsonObject firstHit(CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    return run.json().getAsJsonArray("hits").get(0).getAsJsonObject();
  }

  private static List<String> matched(JsonObject hit) {
    List<String> out = new ArrayList<>();
    for (JsonElement m : hit.getAsJsonArray("matched")) {
      JsonObject o = m.getAsJsonObject();
      out.add(
          o.get("concept").getAsString()
              + "|"
              + o.get("term").getAsString()
              + "|"
              + o.get("via").getAsString());
    }
    return out;
  }

  @Test
  void matchedSaysWhichConceptMatchedThroughWhichTerm() {
    JsonObject xen = firstHit(CliRun.of("--json", "-n", "1", "cambridge", "hypervisor"));

    assertEquals("Xen", xen.get("title").getAsString());
    assertEquals(List.of("cambridge|剑桥|glossary", "hypervisor|虚拟机监视器|glossary"), matched(xen));
  }

  @Test
  void matchedListsTheUsersOwnWordsAsQuery() {
    JsonObject hit = firstHit(CliRun.of("--json", "-n", "1", "kubernetes", "架构"));

    assertEquals("Kubernetes系统架构简介", hit.get("title").getAsString());
    // Its url (…/Kubernetes-system-architecture-introduction) holds the translation too, but a
    // glossary concept is searched in title, section and text only: what is listed is what counted.
    assertEquals(List.of("kubernetes|kubernetes|query", "架构|架构|query"), matched(hit));
  }

  @Test
  void explainInJsonListsConceptsAndTranslations() {
    CliRun run = CliRun.of("--json", "--explain", "-n", "1", "虚拟机", "-kvm");

    JsonArray concepts = run.json().getAsJsonArray("concepts");
    assertEquals(2, concepts.size());
    JsonObject first = concepts.get(0).getAsJsonObject();
    assertEquals("虚拟机", first.get("text").getAsString());
    assertEquals("should", first.get("occur").getAsString());
    assertTrue(first.getAsJsonArray("translations").toString().contains("\"virtual machine\""));
    assertEquals("must_not", concepts.get(1).getAsJsonObject().get("occur").getAsString());
  }

  @Test
  void explainInTextShowsConceptsAndPerHitProvenance() {
    CliRun run = CliRun.of("--explain", "-n", "1", "xen", "hypervisor");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    assertEquals("Query concepts:", lines.get(0));
    assertEquals("  xen", lines.get(1));
    assertTrue(lines.get(2).startsWith("  hypervisor → 虚拟机监视器"), lines.get(2));
    assertEquals("1. Xen  [Projects > Virtual Machine]", lines.get(4));
    assertTrue(
        lines
            .get(8)
            .matches("   score [0-9.]+; matched: xen; hypervisor → \"虚拟机监视器\" \\(glossary\\)"),
        lines.get(8));
  }

  @Test
  void batchWritesOneCompactJsonResultPerQueryLine() {
    CliRun run =
        CliRun.withInput("hypervisor\n\n   \nmicroservices\n", "--json", "--batch", "-n", "1");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    assertEquals(2, lines.size(), run.out());
    JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    JsonObject second = JsonParser.parseString(lines.get(1)).getAsJsonObject();
    assertEquals("hypervisor", first.get("query").getAsString());
    assertEquals("microservices", second.get("query").getAsString());
    assertEquals(
        "Eric Brewer：容器和微服务是计算的未来",
        second.getAsJsonArray("hits").get(0).getAsJsonObject().get("title").getAsString());
  }

  @Test
  void batchWithAQueryArgumentIsAUsageError() {
    CliRun run = CliRun.withInput("x\n", "--batch", "docker");

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of("search-cli: --batch reads queries from stdin: give no QUERY"), run.errLines());
  }

  @Test
  void misspelledLatinWordIsFoundByTypoTolerance() {
    JsonObject hit = firstHit(CliRun.of("--json", "-n", "1", "kubernets"));

    assertTrue(
        hit.get("title").getAsString().toLowerCase().startsWith("kubernetes"), hit.toString());
    assertEquals(List.of("kubernets|kubernets|typo"), matched(hit));
  }

  @Test
  void correctlySpelledWordsGetNoTypoTolerance() {
    CliRun run = CliRun.of("--json", "xenserver");

    assertEquals(1, run.json().get("total").getAsInt());
  }

  @Test
  void noTranslateKeepsTheUsersWordsOnly() {
    CliRun run = CliRun.of("--json", "--no-translate", "hypervisor");

    assertEquals(2, run.json().get("total").getAsInt());
  }

  @Test
  void siteNameInTheUrlFindsTheEntry() {
    JsonObject hit = firstHit(CliRun.of("--json", "-n", "1", "alauda"));

    assertEquals("灵雀云", hit.get("title").getAsString());
  }

  @Test
  void analyzePrintsTokensOfEachChainAndTheConcepts() {
    CliRun run = CliRun.of("analyze", "虛擬機 Containers");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of(
            "words:   虚拟[0,2] 机[2,3] container[4,14]",
            "bigrams: 虚拟[0,2] 拟机[1,3]",
            "terms:   虚拟机[0,3] container[4,14]",
            "Query concepts:"),
        run.outLines().subList(0, 4));
    assertTrue(run.outLines().get(4).startsWith("  虚拟机 → virtual machine"), run.out());
    assertTrue(run.outLines().get(5).startsWith("  containers → 容器"), run.out());
  }

  @Test
  void evalPrintsOneTableWithBisearchAndBothBaselines(@TempDir Path dir) throws IOException {
    Path qrels =
        Files.writeString(
            dir.resolve("q.tsv"),
            "# judgments\ncambridge\thttp://www.xenproject.org/\t2\n"
                + "microservices\thttps://linux.cn/article-5464-1.html\n",
            StandardCharsets.UTF_8);

    CliRun run = CliRun.of("eval", "--qrels", qrels.toString());

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    assertEquals("| engine | queries | MRR@10 | nDCG@10 | Recall@10 |", lines.get(0));
    assertEquals("| bisearch | 2 | 1.000 | 1.000 | 1.000 |", lines.get(2));
    assertEquals("| bisearch --no-translate | 2 | 0.000 | 0.000 | 0.000 |", lines.get(3));
    assertTrue(lines.get(4).startsWith("| baseline: smartcn, one field | 2 | "), lines.get(4));
    assertTrue(lines.get(5).startsWith("| baseline: standard, one field | 2 | "), lines.get(5));
  }

  @Test
  void evalWithMalformedQrelsIsAUsageError(@TempDir Path dir) throws IOException {
    Path qrels = Files.writeString(dir.resolve("q.tsv"), "only-a-query\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("eval", "--qrels", qrels.toString());

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of(
            "search-cli: " + qrels + ":1: expected query, TAB, relevant url or path, [TAB, grade]"),
        run.errLines());
  }
}
