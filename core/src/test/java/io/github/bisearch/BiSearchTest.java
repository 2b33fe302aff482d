package io.github.bisearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End-to-end searches of the bundled corpus through the public facade. */
class BiSearchTest {
  private static BiSearch seed;

  @BeforeAll
  static void indexSeed() {
    seed = BiSearch.inMemory();
    IndexReport report = seed.add(Path.of("..", "corpus"));
    assertEquals(new IndexReport(1, 0, 0, 0, 36, List.of()), report);
  }

  @AfterAll
  static void close() {
    seed.close();
  }

  private static List<String> titles(BiSearch search, String query, int k) {
    return search.search(query, k).hits().stream().map(Hit::title).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "虚拟机 hypervisor | 4 | Xen;Kernel Virtual Machine;XenServer;Hyper",
        "hypervisor | 3 | Xen",
        "容器管理 | 3 | kubernetes;Apache Mesos;kitematic",
        "operating system | 6 | CoreOS;Clear Linux;boot2docker;Xen",
        "microservices | 1 | Eric Brewer：容器和微服务是计算的未来",
        "kubernetes 架构 | 1 | Kubernetes系统架构简介",
        "虛擬化 | 6 | Hyper;Xen;Kernel Virtual Machine;XenServer",
        "ｄｏｃｋｅｒ　ｈｕｂ | 1 | Docker Hub",
        "lightweight linux | 1 | boot2docker",
        "docker 书籍 | 4 | Docker Docs;The Docker Book;Docker Up and Running;Docker —— 从入门到实践",
      })
  void bundledCorpusTable(String query, int k, String expected) {
    List<String> top = titles(seed, query, k);
    for (String title : expected.split(";")) {
      assertTrue(top.contains(title), query + ": " + title + " not in top " + k + ": " + top);
    }
  }

  @Test
  void entriesMatchingEveryConceptComeFirst() {
    List<Hit> hits = seed.search("虚拟机 hypervisor", 10).hits();
    assertEquals(
        Set.of("Xen", "XenServer", "Hyper"),
        Set.copyOf(hits.subList(0, 3).stream().map(Hit::title).toList()));
    assertEquals("Kernel Virtual Machine", hits.get(3).title());
  }

  @Test
  void chineseQueryFindsEnglishTextThroughTheGlossary() {
    List<String> top = titles(seed, "容器", 10);
    assertTrue(top.contains("kubernetes"), top.toString());
    assertTrue(top.contains("Docker"), top.toString());
  }

  @Test
  void englishQueryFindsChineseTextThroughTheGlossary() {
    assertTrue(titles(seed, "operating systems", 6).contains("Xen"));
    assertTrue(titles(seed, "cloud computing", 3).contains("基于Docker容器的云计算平台搭建实战"));
  }

  @Test
  void glossaryTermsAndHanRunsAreHighlightedWhereTheyStand() {
    try (BiSearch search = BiSearch.inMemory()) {
      search.addMarkdown(
          "notes.md",
          "- [Cluster](https://example.org/a): Our Virtual-Machines run in 剑桥大学, "
              + "on 虛擬機 too.\n");
      // A glossary term in any spelling and script, as the index found it.
      assertEquals(
          "Our <Virtual-Machines> run in 剑桥大学, on <虛擬機> too.",
          search.search("virtual machine", 1).hits().get(0).snippet().marked("<", ">"));
      // Han characters matched as bigrams, inside a longer word.
      assertEquals(
          "Our Virtual-Machines run in 剑<桥大>学, on 虛擬機 too.",
          search.search("桥大", 1).hits().get(0).snippet().marked("<", ">"));
    }
  }

  @Test
  void snippetsHighlightBothScripts() {
    List<Hit> hits = seed.search("hypervisor", 3).hits();
    // XenServer and Hyper say "hypervisor" itself, Xen its translation: the concept is found by
    // either name.
    assertEquals(List.of("XenServer", "Hyper", "Xen"), hits.stream().map(Hit::title).toList());
    Hit xen = hits.get(2);
    assertTrue(
        xen.snippet().marked("<", ">").startsWith("Xen 是一个开放源代码<虚拟机监视器>，"),
        xen.snippet().toString());
    Hit server = hits.get(0);
    assertTrue(server.snippet().marked("<", ">").contains("Xen Project <hypervisor> and"));
  }

  @Test
  void aConceptIsFoundByEveryNameAndItsPartsApartRankBelowIt() {
    try (BiSearch search = BiSearch.inMemory()) {
      search.addMarkdown(
          "notes.md",
          "- [Whole](https://example.org/a): 容器管理 for teams\n"
              + "- [English](https://example.org/b): Container Management, scaled\n"
              + "- [Parts](https://example.org/c): 管理 of every 容器 by hand\n"
              + "- [Other](https://example.org/d): nothing related\n");
      SearchResult result = search.search("容器管理", 10);
      List<String> titles = result.hits().stream().map(Hit::title).toList();
      assertEquals(3, result.total());
      // Both names of the concept cover it; its parts found apart only add relevance.
      assertEquals(Set.of("Whole", "English"), Set.copyOf(titles.subList(0, 2)));
      assertEquals("Parts", titles.get(2));
      assertEquals(
          "<Container Management>, scaled",
          result.hits().get(titles.indexOf("English")).snippet().marked("<", ">"));
      assertEquals(
          List.of("容器管理|容器|part", "容器管理|管理|part"),
          result.hits().get(2).matched().stream()
              .map(m -> m.concept() + "|" + m.term() + "|" + m.via())
              .toList());
    }
  }

  @Test
  void aGlossaryOfOnesOwnIsSearchedWordByWordForTheConceptsItTouches(@TempDir Path dir)
      throws Exception {
    Path mine = dir.resolve("mine.tsv");
    Files.writeString(mine, "虚拟机\tvirtual box\n", StandardCharsets.UTF_8);
    try (BiSearch search = BiSearch.builder().glossary(mine).build()) {
      search.addMarkdown(
          "notes.md",
          "- [Box](https://example.org/a): runs in a Virtual Box\n"
              + "- [Machine](https://example.org/b): runs in a virtual machine\n"
              + "- [Monitor](https://example.org/c): a hypervisor\n");
      // The index knows no concept "virtual box": 虚拟机 is searched by its names one by one.
      assertEquals(Set.of("Box", "Machine"), Set.copyOf(titles(search, "虚拟机", 10)));
      // Concepts the added glossary does not touch still go through the concept field; its part
      // 虚拟机 still finds the other two, below.
      assertEquals(List.of("Monitor", "Box", "Machine"), titles(search, "虚拟机监视器", 10));
    }
  }

  @Test
  void hitCarriesEntryFields() {
    Hit hit = seed.search("microservices", 1).hits().get(0);
    assertEquals("https://linux.cn/article-5464-1.html", hit.url());
    assertEquals("Articles > 其它文章", hit.section());
    assertEquals(
        Path.of("..", "corpus", "docker-awesome.md").toAbsolutePath().normalize().toString(),
        hit.source());
    assertEquals(75, hit.line());
    assertEquals("2015-05-19", hit.date());
    assertEquals(Language.MIXED, hit.language());
    assertEquals("Eric Brewer：容器和<微服务>是计算的未来", hit.snippet().marked("<", ">"));
  }

  @Test
  void withoutTranslationOnlyTheWrittenWordsMatch() {
    try (BiSearch plain = BiSearch.builder().translate(false).build()) {
      plain.add(Path.of("..", "corpus"));
      assertEquals(Set.of("Xen", "Hyper"), Set.copyOf(titles(plain, "虚拟机", 10)));
    }
  }

  @Test
  void noMatchIsAnEmptyResult() {
    SearchResult result = seed.search("zzqxnotaword", 10);
    assertEquals(0, result.total());
    assertEquals(List.of(), result.hits());
  }

  @Test
  void emptyQueryAndNegativeLimitAreRejected() {
    assertEquals(
        "query is empty",
        assertThrows(IllegalArgumentException.class, () -> seed.search(" ", 10)).getMessage());
    assertEquals(
        "limit must be 0 or more, not -1",
        assertThrows(IllegalArgumentException.class, () -> seed.search("docker", -1)).getMessage());
  }

  @Test
  void searchThreadsMustBeOneOrMore() {
    assertEquals(
        "search threads must be 1 or more, not 0",
        assertThrows(IllegalArgumentException.class, () -> BiSearch.builder().searchThreads(0))
            .getMessage());
    try (BiSearch one = BiSearch.builder().searchThreads(1).build();
        BiSearch four = BiSearch.builder().searchThreads(4).build()) {
      String markdown =
          "# Tools\n\n- [Xen](https://xenproject.org) 虚拟机监视器\n- [KVM](https://linux-kvm.org) hypervisor\n";
      one.addMarkdown("tools.md", markdown);
      four.addMarkdown("tools.md", markdown);
      assertEquals(titles(one, "虚拟机 hypervisor", 10), titles(four, "虚拟机 hypervisor", 10));
      assertEquals(List.of("Xen", "KVM"), titles(one, "虚拟机 hypervisor", 10));
    }
  }

  @Test
  void hostileQueriesNeverThrow() {
    for (String query :
        List.of(
            "\"",
            "(",
            "a:b",
            "*?",
            "~^!",
            "&& ||",
            "AND OR NOT",
            "🐳🐳",
            "\u0000\u0007",
            "\uD800x")) {
      seed.search(query, 5);
    }
    String huge = "容器 docker ".repeat(10_000);
    assertTrue(seed.search(huge, 5).total() > 0);
  }

  @Test
  void anotherCorpusWorksTheSameWay(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("db.md"),
        "# 数据库\n\n"
            + "## 分布式\n\n"
            + "- [TiDB](https://pingcap.com): 一个开源的分布式关系型数据库，支持水平扩容。\n"
            + "- [CockroachDB](https://cockroachlabs.com): A distributed SQL database built on a"
            + " transactional key-value store.\n"
            + "- [Redis](https://redis.io): In-memory data structure store, used as a cache and"
            + " message broker.\n\n"
            + "## 監控\n\n"
            + "- [Prometheus](https://prometheus.io)：开源的系统監控和告警工具。\n");
    try (BiSearch search = BiSearch.inMemory()) {
      assertEquals(4, search.add(dir).entries());
      assertEquals(
          Set.of("TiDB", "CockroachDB"), Set.copyOf(titles(search, "distributed database", 2)));
      assertEquals(Set.of("TiDB", "CockroachDB"), Set.copyOf(titles(search, "分布式数据库", 2)));
      assertEquals(List.of("Redis"), titles(search, "缓存", 10));
      assertEquals("Prometheus", titles(search, "monitoring", 1).get(0));
      assertEquals("数据库 > 監控", search.search("prometheus", 1).hits().get(0).section());
    }
  }

  @Test
  void persistentIndexReopensAndReindexingReplacesEntries(@TempDir Path dir) throws Exception {
    Path docs = Files.createDirectory(dir.resolve("docs"));
    Files.writeString(docs.resolve("a.md"), "# A\n\n- [Xen](http://x): 虚拟机监视器\n");
    Path index = dir.resolve("index");
    try (BiSearch search = BiSearch.open(index)) {
      search.add(docs);
      search.add(docs);
    }
    try (BiSearch search = BiSearch.builder().directory(index).create(false).build()) {
      assertEquals(1, search.size());
      assertEquals("Xen", search.search("hypervisor", 5).hits().get(0).title());
    }
  }

  @Test
  void missingIndexIsAClearError(@TempDir Path dir) {
    Path missing = dir.resolve("nothing");
    BiSearchException e =
        assertThrows(
            BiSearchException.class,
            () -> BiSearch.builder().directory(missing).create(false).build());
    assertEquals(
        "no index at "
            + missing
            + ": build one with 'search-cli index --index "
            + missing
            + " PATH...'",
        e.getMessage());
  }

  @Test
  void concurrentSearchesWhileAddingSeeWholeCommits() throws Exception {
    try (BiSearch search = BiSearch.inMemory()) {
      search.add(Path.of("..", "corpus"));
      ExecutorService pool = Executors.newFixedThreadPool(9);
      try {
        List<Future<?>> futures = new ArrayList<>();
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    search.addMarkdown(
                        "extra-" + i + ".md", "- [Extra " + i + "](http://e): 虚拟机\n");
                    // An update of an existing source: replaced as a whole, never seen twice.
                    search.addMarkdown("extra-0.md", "- [Extra 0](http://e): 虚拟机 v" + i + "\n");
                  }
                  return null;
                }));
        for (int t = 0; t < 8; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 50; i++) {
                      SearchResult result = search.search("虚拟机 hypervisor", 10);
                      // Every commit adds one entry: a search sees 5 plus a whole number of them.
                      assertTrue(result.total() >= 5 && result.total() <= 25, "" + result.total());
                      assertEquals(
                          Set.of("Xen", "XenServer", "Hyper"),
                          Set.copyOf(
                              result.hits().subList(0, 3).stream().map(Hit::title).toList()));
                    }
                    return null;
                  }));
        }
        for (Future<?> future : futures) {
          future.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(25, search.search("虚拟机", 0).total());
    }
  }

  @Test
  void documentWithoutEntriesReplacesAndClosesCleanly() {
    try (BiSearch search = BiSearch.inMemory()) {
      search.addMarkdown("a.md", "- [Xen](http://x): 虚拟机\n");
      assertEquals(1, search.size());
      assertEquals(
          new IndexReport(0, 1, 0, 0, 0, List.of()),
          search.addMarkdown("a.md", "# only a heading\n"));
      assertEquals(0, search.size());
    }
  }

  @Test
  void missingPathIndexesNothing(@TempDir Path dir) {
    try (BiSearch search = BiSearch.inMemory()) {
      BiSearchException e =
          assertThrows(BiSearchException.class, () -> search.add(dir.resolve("nope")));
      assertEquals(dir.resolve("nope") + ": no such file or directory", e.getMessage());
    }
  }
}
