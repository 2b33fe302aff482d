package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code search-cli QUERY} over the bundled corpus: JSON and text output, ranking, languages. */
class SearchCommandTest {
  private static final String BUNDLED_SOURCE = "corpus/docker-awesome.md";

  private static final Set<String> HIT_FIELDS =
      Set.of(
          "rank", "score", "id", "title", "url", "section", "text", "snippet", "source", "line",
          "lang", "date", "matched");

  private static JsonObject search(String... args) {
    List<String> all = new ArrayList<>(List.of("--json"));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    return run.json();
  }

  private static List<JsonObject> hits(JsonObject result) {
    List<JsonObject> hits = new ArrayList<>();
    for (JsonElement hit : result.getAsJsonArray("hits")) {
      hits.add(hit.getAsJsonObject());
    }
    return hits;
  }

  private static List<String> titles(JsonObject result) {
    return hits(result).stream().map(h -> h.get("title").getAsString()).toList();
  }

  private static List<String> ids(JsonObject result) {
    return hits(result).stream().map(h -> h.get("id").getAsString()).toList();
  }

  @Test
  void jsonOutputIsOneObjectOnOneLine() {
    CliRun run = CliRun.of("--json", "-n", "3", "docker");

    assertEquals(1, run.outLines().size());
    assertEquals(Set.of("query", "total", "totalExact", "hits"), run.json().keySet());
    assertTrue(run.json().get("totalExact").getAsBoolean());
  }

  @Test
  void jsonHitsHaveExactlyTheDocumentedFieldsAndTypes() {
    JsonObject result = search("-n", "30", "docker");

    assertEquals(23, hits(result).size());
    int rank = 1;
    for (JsonObject hit : hits(result)) {
      assertEquals(HIT_FIELDS, hit.keySet());
      for (String number : List.of("rank", "score", "line")) {
        assertTrue(hit.getAsJsonPrimitive(number).isNumber(), number + " in " + hit);
      }
      assertEquals(rank++, hit.get("rank").getAsInt());
      assertTrue(hit.get("score").getAsFloat() > 0, hit.toString());
      assertTrue(hit.get("id").getAsString().matches("[0-9a-f]{16}"), hit.toString());
      assertFalse(hit.get("title").getAsString().isEmpty(), hit.toString());
      assertTrue(hit.get("url").isJsonNull() || hit.get("url").getAsString().startsWith("http"));
      assertTrue(hit.get("section").getAsJsonPrimitive().isString());
      assertTrue(hit.get("text").getAsJsonPrimitive().isString());
      assertTrue(hit.get("snippet").getAsJsonPrimitive().isString());
      assertEquals(BUNDLED_SOURCE, hit.get("source").getAsString());
      assertTrue(hit.get("line").getAsInt() >= 1, hit.toString());
      assertTrue(Set.of("zh", "en", "mixed").contains(hit.get("lang").getAsString()));
      assertTrue(
          hit.get("date").isJsonNull()
              || hit.get("date").getAsString().matches("\\d{4}-\\d{2}-\\d{2}"));
    }
  }

  @Test
  void missingUrlAndDateAreJsonNull() {
    JsonObject result = search("-n", "3", "docker", "hub");

    JsonObject paragraph = hits(result).get(2);
    assertEquals("Docker介绍", paragraph.get("title").getAsString());
    assertEquals(5, paragraph.get("line").getAsInt());
    assertEquals(JsonNull.INSTANCE, paragraph.get("url"));
    assertEquals(JsonNull.INSTANCE, paragraph.get("date"));
  }

  @Test
  void englishWordFindsChineseArticleThroughItsTranslation() {
    JsonObject result = search("-n", "1", "microservices");

    assertEquals("microservices", result.get("query").getAsString());
    assertEquals(1, result.get("total").getAsInt());
    JsonObject hit = hits(result).get(0);
    assertEquals(1, hit.get("rank").getAsInt());
    assertEquals("Eric Brewer：容器和微服务是计算的未来", hit.get("title").getAsString());
    assertEquals("https://linux.cn/article-5464-1.html", hit.get("url").getAsString());
    assertEquals("Articles > 其它文章", hit.get("section").getAsString());
    assertEquals("", hit.get("text").getAsString());
    assertEquals("Eric Brewer：容器和<em>微服务</em>是计算的未来", hit.get("snippet").getAsString());
    assertEquals(BUNDLED_SOURCE, hit.get("source").getAsString());
    assertEquals(75, hit.get("line").getAsInt());
    assertEquals("mixed", hit.get("lang").getAsString());
    assertEquals("2015-05-19", hit.get("date").getAsString());
  }

  @Test
  void chineseAndEnglishQueryFindsTheVirtualMachines() {
    JsonObject result = search("-n", "4", "虚拟机", "hypervisor");

    assertEquals(
        Set.of("Xen", "Kernel Virtual Machine", "XenServer", "Hyper"), Set.copyOf(titles(result)));
    for (JsonObject hit : hits(result)) {
      assertEquals("Projects > Virtual Machine", hit.get("section").getAsString());
    }
  }

  @Test
  void queryWordsGivenAsSeparateArgumentsAreJoinedWithSpaces() {
    JsonObject result = search("-n", "1", "虚拟机", "hypervisor");

    assertEquals("虚拟机 hypervisor", result.get("query").getAsString());
  }

  @Test
  void fullWidthQueryFindsDockerHub() {
    JsonObject result = search("-n", "1", "ｄｏｃｋｅｒ　ｈｕｂ");

    assertEquals("ｄｏｃｋｅｒ　ｈｕｂ", result.get("query").getAsString());
    JsonObject hit = hits(result).get(0);
    assertEquals("Docker Hub", hit.get("title").getAsString());
    assertEquals("https://hub.docker.com/", hit.get("url").getAsString());
    assertEquals("Resources", hit.get("section").getAsString());
    assertEquals("<em>Docker</em> <em>Hub</em>", hit.get("snippet").getAsString());
    assertEquals(20, hit.get("line").getAsInt());
    assertEquals("en", hit.get("lang").getAsString());
  }

  @Test
  void fullWidthAndHalfWidthQueriesFindTheSameEntries() {
    JsonObject fullWidth = search("ｄｏｃｋｅｒ　ｈｕｂ");
    JsonObject halfWidth = search("docker hub");

    assertEquals(halfWidth.get("total"), fullWidth.get("total"));
    assertEquals(ids(halfWidth), ids(fullWidth));
  }

  @Test
  void traditionalChineseQueryFindsVirtualizationEntries() {
    JsonObject result = search("-n", "6", "虛擬化");

    assertTrue(
        titles(result).containsAll(Set.of("Hyper", "Xen", "Kernel Virtual Machine", "XenServer")),
        titles(result).toString());
  }

  @Test
  void traditionalAndSimplifiedQueriesFindTheSameEntries() {
    JsonObject traditional = search("虛擬化");
    JsonObject simplified = search("虚拟化");

    assertEquals(6, traditional.get("total").getAsInt());
    assertEquals(simplified.get("total"), traditional.get("total"));
    assertEquals(ids(simplified), ids(traditional));
  }

  @Test
  void englishWordFindsEntriesInBothLanguagesInOrder() {
    JsonObject result = search("kubernetes");

    assertEquals(2, result.get("total").getAsInt());
    assertEquals(List.of("kubernetes", "Kubernetes系统架构简介"), titles(result));
  }

  @Test
  void chineseTermFindsTheOneArticleAboutIt() {
    JsonObject result = search("集成测试");

    assertEquals(1, result.get("total").getAsInt());
    JsonObject hit = hits(result).get(0);
    assertEquals("深入浅出Docker（四）：Docker的集成测试部署之道", hit.get("title").getAsString());
    assertEquals("Articles > 深入浅出Docker系列", hit.get("section").getAsString());
    assertEquals("深入浅出Docker（四）：Docker的<em>集成测试</em>部署之道", hit.get("snippet").getAsString());
    assertEquals("2014-09-12", hit.get("date").getAsString());
    assertEquals(66, hit.get("line").getAsInt());
  }

  @Test
  void chineseWordFindsEnglishContainerEntries() {
    JsonObject result = search("-n", "20", "容器");

    assertEquals(13, result.get("total").getAsInt());
    JsonObject kubernetes =
        hits(result).stream()
            .filter(h -> h.get("title").getAsString().equals("kubernetes"))
            .findFirst()
            .orElseThrow();
    assertEquals("en", kubernetes.get("lang").getAsString());
    assertEquals(
        "Manage a cluster of Linux <em>containers</em> as a single system to accelerate Dev and"
            + " simplify Ops.",
        kubernetes.get("snippet").getAsString());
  }

  @Test
  void noTranslateMatchesOnlyTheWordAsWritten() {
    JsonObject result = search("--no-translate", "容器");

    assertEquals(3, result.get("total").getAsInt());
    // Two titles hold 容器 as a word; BM25, by their lengths, orders them.
    assertEquals(
        List.of("基于Docker容器的云计算平台搭建实战", "Eric Brewer：容器和微服务是计算的未来", "Hyper"), titles(result));
  }

  @Test
  void chineseOperatingSystemFindsTheOsProjects() {
    JsonObject result = search("操作系统");

    // Entries that say 操作系统, OS or "operating system" first; entries with only a part of the
    // term (系统, "system") may follow.
    assertEquals(
        Set.of("Xen", "Clear Linux", "CoreOS", "boot2docker"),
        Set.copyOf(titles(result).subList(0, 4)));
    List<String> osProjects =
        hits(result).stream()
            .filter(h -> h.get("section").getAsString().equals("Projects > OS"))
            .map(h -> h.get("title").getAsString())
            .toList();
    // Clear Linux says OS and "operating system"; the other two are only under the OS heading, and
    // the shorter entry, where the heading weighs more, comes first.
    assertEquals(List.of("Clear Linux", "boot2docker", "CoreOS"), osProjects);
  }

  @Test
  void jsonKeepsMarkupAndChineseUnescaped() {
    CliRun run = CliRun.of("--json", "-n", "1", "microservices");

    assertTrue(run.out().contains("\"snippet\":\"Eric Brewer：容器和<em>微服务</em>是计算的未来\""), run.out());
    assertFalse(run.out().contains("\\u"), run.out());
  }

  @Test
  void limitCapsTheHitsAndRanksStartAtOne() {
    JsonObject result = search("-n", "2", "docker");

    assertEquals(23, result.get("total").getAsInt());
    JsonArray hits = result.getAsJsonArray("hits");
    assertEquals(2, hits.size());
    assertEquals(1, hits.get(0).getAsJsonObject().get("rank").getAsInt());
    assertEquals(2, hits.get(1).getAsJsonObject().get("rank").getAsInt());
  }

  @Test
  void limitedSearchReturnsTheTopOfTheFullRanking() {
    JsonObject limited = search("-n", "3", "docker");
    JsonObject full = search("-n", "30", "docker");

    assertEquals(ids(full).subList(0, 3), ids(limited));
  }

  @Test
  void limitZeroCountsMatchesWithoutHits() {
    JsonObject result = search("-n", "0", "docker");

    assertEquals(23, result.get("total").getAsInt());
    assertEquals(0, result.getAsJsonArray("hits").size());
  }

  @Test
  void limitZeroInTextModeReportsTheCount() {
    CliRun run = CliRun.of("-n", "0", "docker");

    assertEquals(0, run.exitCode());
    assertEquals(List.of("0 of 23 results for: docker"), run.outLines());
  }

  @Test
  void queryMatchingNothingGivesEmptyJson() {
    CliRun run = CliRun.of("--json", "zzzqqxnotaword");

    assertEquals(0, run.exitCode());
    assertEquals(
        "{\"query\":\"zzzqqxnotaword\",\"total\":0,\"totalExact\":true,\"hits\":[]}\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void queryMatchingNothingSaysNoResultsInText() {
    CliRun run = CliRun.of("zzzqqxnotaword");

    assertEquals(0, run.exitCode());
    assertEquals("No results for: zzzqqxnotaword\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void textOutputShowsTitleSectionSnippetUrlSourceAndCount() {
    CliRun run = CliRun.of("microservices");

    assertEquals(0, run.exitCode());
    assertEquals(
        List.of(
            "1. Eric Brewer：容器和微服务是计算的未来  [Articles > 其它文章]",
            "   Eric Brewer：容器和**微服务**是计算的未来",
            "   https://linux.cn/article-5464-1.html",
            "   corpus/docker-awesome.md:75",
            "",
            "1 of 1 result for: microservices"),
        run.outLines());
    assertEquals("", run.err());
  }

  @Test
  void textOutputSeparatesHitsByBlankLinesAndCountsAllResults() {
    CliRun run = CliRun.of("kubernetes");

    assertEquals(
        List.of(
            "1. kubernetes  [Projects > Container Management]",
            "   Manage a cluster of Linux containers as a single system to accelerate Dev and"
                + " simplify Ops.",
            "   http://kubernetes.io/",
            "   corpus/docker-awesome.md:40",
            "",
            "2. Kubernetes系统架构简介  [Articles > 其它文章]",
            "   **Kubernetes**系统架构简介",
            "   http://www.infoq.com/cn/articles/Kubernetes-system-architecture-introduction",
            "   corpus/docker-awesome.md:73",
            "",
            "2 of 2 results for: kubernetes"),
        run.outLines());
  }

  @Test
  void textOutputCountsResultsBeyondTheLimit() {
    CliRun run = CliRun.of("-n", "1", "kubernetes");

    List<String> lines = run.outLines();
    assertEquals("1. kubernetes  [Projects > Container Management]", lines.get(0));
    assertEquals("1 of 2 results for: kubernetes", lines.get(lines.size() - 1));
  }

  @Test
  void textOutputOmitsUrlLineForEntryWithoutLink() {
    CliRun run = CliRun.of("-n", "3", "docker", "hub");

    List<String> lines = run.outLines();
    assertEquals("3. Docker介绍  [Docker介绍]", lines.get(10));
    assertTrue(lines.get(11).startsWith("   **Docker** is an open-source project"), lines.get(11));
    assertEquals("   corpus/docker-awesome.md:5", lines.get(12));
    assertEquals("", lines.get(13));
  }

  @Test
  void corpusFolderPropertySearchesTheRepositoryCorpus() {
    JsonObject result = searchRepositoryCorpus("-n", "1", "microservices");

    JsonObject hit = hits(result).get(0);
    assertEquals("Eric Brewer：容器和微服务是计算的未来", hit.get("title").getAsString());
    assertEquals(
        repositoryCorpus().resolve("docker-awesome.md").toString().replace('\\', '/'),
        hit.get("source").getAsString());
    assertEquals(75, hit.get("line").getAsInt());
  }

  @Test
  void bundledCorpusRanksLikeTheRepositoryCorpus() {
    JsonObject bundled = search("-n", "30", "docker");
    JsonObject folder = searchRepositoryCorpus("-n", "30", "docker");

    assertEquals(titlesAndLines(bundled), titlesAndLines(folder));
  }

  /** The repository's corpus folder; tests run in {@code index-cli/}. */
  private static Path repositoryCorpus() {
    return Path.of("").toAbsolutePath().getParent().resolve("corpus");
  }

  /** Searches with {@code -Dbisearch.corpus} pointing at the repository's corpus folder. */
  private static JsonObject searchRepositoryCorpus(String... args) {
    String previous = System.getProperty(BundledCorpus.PROPERTY);
    System.setProperty(BundledCorpus.PROPERTY, repositoryCorpus().toString());
    try {
      return search(args);
    } finally {
      if (previous == null) {
        System.clearProperty(BundledCorpus.PROPERTY);
      } else {
        System.setProperty(BundledCorpus.PROPERTY, previous);
      }
    }
  }

  private static List<String> titlesAndLines(JsonObject result) {
    return hits(result).stream()
        .map(h -> h.get("title").getAsString() + ":" + h.get("line").getAsInt())
        .toList();
  }
}
