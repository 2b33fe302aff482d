package io.github.bisearch.glossary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.analysis.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlossaryTest {
  private static Glossary of(String lines) throws IOException {
    return Glossary.parse("test.tsv", new StringReader(lines));
  }

  private static List<String> found(Glossary glossary, String text) {
    return glossary.find(TextNormalizer.normalize(text)).stream().map(GlossaryMatch::text).toList();
  }

  @Test
  void builtInGlossaryHoldsTheCoreVocabulary() {
    Glossary glossary = Glossary.builtIn();
    assertTrue(glossary.size() >= 1500, "size " + glossary.size());
    assertTrue(glossary.lookup("虚拟机").get(0).english().contains("virtual machine"));
    assertTrue(glossary.lookup("hypervisor").get(0).chinese().contains("虚拟机监视器"));
    assertTrue(glossary.lookup("容器").get(0).english().contains("container"));
    assertTrue(glossary.lookup("operating system").get(0).chinese().contains("操作系统"));
    assertTrue(glossary.lookup("微服务").get(0).english().contains("microservice"));
    assertTrue(glossary.lookup("部署").get(0).english().contains("deploy"));
    assertTrue(glossary.lookup("集群").get(0).english().contains("cluster"));
  }

  @ParameterizedTest(name = "{0} ⇄ {1}")
  @CsvSource({
    "部署, deploy",
    "配置, configure",
    "升级, upgrade",
    "集群, cluster",
    "节点, node",
    "镜像, image",
    "存储, storage",
    "网络, network",
    "容器, container",
    "虚拟机, virtual machine",
    "虚拟化, virtualization",
    "操作系统, operating system",
    "微服务, microservice",
    "架构, architecture",
    "负载均衡, load balancing",
    "数据库, database",
    "缓存, cache",
    "日志, log",
    "监控, monitoring",
    "备份, backup",
    "恢复, restore",
    "命令行, command line",
    "编排, orchestration",
    "服务器, server",
    "客户端, client",
    "索引, index",
    "搜索, search",
    "安装, install",
    "编译, compile",
    "调试, debug",
    "开源, open source",
    "分布式, distributed",
    "高可用, high availability",
    "持续集成, continuous integration",
    "私有云, private cloud",
    "虚拟机监视器, hypervisor",
    "容器管理, container management",
    "云计算, cloud computing"
  })
  void keyEntriesTranslateBothWays(String chinese, String english) {
    Glossary glossary = Glossary.builtIn();
    assertTrue(
        glossary.lookup(chinese).stream().anyMatch(c -> c.english().contains(english)),
        chinese + " → " + english);
    assertTrue(
        glossary.lookup(english).stream().anyMatch(c -> c.chinese().contains(chinese)),
        english + " → " + chinese);
  }

  @Test
  void builtInFileIsWellFormedWithoutDuplicateLines() throws IOException {
    List<String> lines;
    try (var in = Glossary.class.getResourceAsStream("glossary.tsv")) {
      lines =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      assertEquals(2, line.split("\t", -1).length, "one TAB in: " + line);
      assertEquals(line.strip(), line, "stray spaces in: " + line);
      assertTrue(seen.add(line), "duplicate line: " + line);
    }
  }

  @Test
  void longestTermWinsOverItsPrefix() throws IOException {
    Glossary glossary = of("虚拟机\tvirtual machine\n虚拟机监视器\thypervisor\n虚拟\tvirtual\n");
    assertEquals(List.of("虚拟机监视器"), found(glossary, "开放源代码虚拟机监视器"));
    assertEquals(List.of("虚拟机", "虚拟"), found(glossary, "虚拟机和虚拟"));
  }

  @Test
  void englishTermsMatchAcrossSpacesInAnyCaseAndPlural() throws IOException {
    Glossary glossary = of("虚拟机\tvirtual machine\n容器\tcontainer\n");
    assertEquals(
        List.of("virtual machines", "containers"),
        found(glossary, "Virtual Machines and CONTAINERS"));
  }

  @Test
  void termsNeverMatchInsideAWordOrAcrossPunctuation() throws IOException {
    Glossary glossary = of("操作系统\toperating system|os\n");
    assertEquals(List.of(), found(glossary, "coreos macos"));
    assertEquals(List.of(), found(glossary, "operating, system"));
    assertEquals(List.of("os"), found(glossary, "linux os"));
  }

  @Test
  void shortWordsAreNotTakenForPlurals() throws IOException {
    Glossary glossary = of("不间断电源\tups\n垃圾回收\tgc\n");
    assertEquals(List.of(), found(glossary, "back up to gcs"));
    assertEquals(List.of("ups", "gc"), found(glossary, "UPS GC"));
  }

  @Test
  void hyphenJoinsWordsLikeASpace() throws IOException {
    Glossary glossary = of("实时\treal-time\n");
    assertEquals(List.of("real-time", "real time"), found(glossary, "real-time and real time"));
  }

  @Test
  void traditionalAndFullWidthQueriesMatchSimplifiedTerms() throws IOException {
    Glossary glossary = of("虚拟化\tvirtualization\n");
    assertEquals(List.of("虚拟化"), found(glossary, "虛擬化"));
    assertEquals(List.of("virtualization"), found(glossary, "ｖｉｒｔｕａｌｉｚａｔｉｏｎ"));
  }

  @Test
  void malformedLineNamesFileAndLine() {
    GlossaryFormatException e =
        assertThrows(GlossaryFormatException.class, () -> of("# comment\n容器 container\n"));
    assertEquals("test.tsv:2: expected Chinese terms, one TAB, English terms", e.getMessage());
  }

  @Test
  void emptySideIsAnError() {
    GlossaryFormatException e = assertThrows(GlossaryFormatException.class, () -> of("容器\t | \n"));
    assertEquals("test.tsv:1: a side has no term", e.getMessage());
  }

  @Test
  void glossariesCombine() throws IOException {
    Glossary combined = of("容器\tcontainer\n").with(of("独角兽\tunicorn\n"));
    assertEquals(2, combined.size());
    assertEquals(List.of("unicorn"), combined.lookup("独角兽").get(0).english());
  }

  private static List<String> indexed(Glossary glossary, String text) {
    return glossary.indexedTerms(TextNormalizer.normalize(text)).stream()
        .map(t -> t.key() + "[" + t.start() + "," + t.end() + "]")
        .toList();
  }

  @Test
  void indexedTermsIncludeNestedAndOverlappingTerms() throws IOException {
    Glossary glossary = of("虚拟机\tvirtual machine\n虚拟机监视器\thypervisor\n监视器\tmonitor\n机器\tmachine\n");
    assertEquals(List.of("虚拟机[0,3]", "虚拟机监视器[0,6]", "监视器[3,6]"), indexed(glossary, "虚拟机监视器"));
    assertEquals(
        List.of("virtual machine[4,20]", "machine[12,20]", "monitor[21,28]"),
        indexed(glossary, "the Virtual-Machines monitor"));
  }

  @Test
  void indexedKeysJoinSpellingsWidthsAndScripts() throws IOException {
    Glossary glossary = of("虚拟机\tvirtual machine\n");
    assertEquals("虚拟机", glossary.indexedKey("虛擬機"));
    assertEquals("virtual machine", glossary.indexedKey("Ｖｉｒｔｕａｌ-Machines"));
    assertEquals(List.of("虚拟机[0,3]"), indexed(glossary, "虛擬機"));
    assertEquals(null, glossary.indexedKey("virtual"));
  }

  @Test
  void loneHanCharactersStopwordsAndPunctuatedTermsAreNotIndexed() throws IOException {
    Glossary glossary = of("列\tcolumn\n信息技术\tit\n无线局域网\t802.11\n");
    assertEquals(null, glossary.indexedKey("列"));
    assertEquals(null, glossary.indexedKey("it"));
    assertEquals(null, glossary.indexedKey("802.11"));
    assertEquals("信息技术", glossary.indexedKey("信息技术"));
    assertEquals(List.of("信息技术[3,7]"), indexed(glossary, "系列、信息技术 it 802.11"));
  }

  @Test
  void builtInFingerprintIsTheChecksumOfTheGlossaryFile() throws IOException {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    try (java.io.InputStream in = Glossary.class.getResourceAsStream("glossary.tsv")) {
      crc.update(in.readAllBytes());
    }
    assertEquals(Long.toHexString(crc.getValue()), Glossary.builtInFingerprint());
    assertEquals(Glossary.builtInFingerprint(), Glossary.builtInFingerprint());
  }

  @Test
  void occurrencesOfAKeyAreThoseIndexedTermsFinds() throws IOException {
    Glossary glossary = Glossary.builtIn();
    List<String> texts = new java.util.ArrayList<>();
    texts.add("Our Virtual-Machines and VMs, vmware; policies/policy 虚拟 机 虚拟机监视器 c语言 C 语言");
    texts.addAll(
        java.nio.file.Files.readAllLines(
            java.nio.file.Path.of("..", "corpus", "docker-awesome.md"),
            java.nio.charset.StandardCharsets.UTF_8));
    int compared = 0;
    for (String text : texts) {
      String normalized = TextNormalizer.normalize(text);
      List<Glossary.IndexedTerm> all = glossary.indexedTerms(normalized);
      for (String key : all.stream().map(Glossary.IndexedTerm::key).distinct().toList()) {
        assertEquals(
            all.stream().filter(t -> t.key().equals(key)).toList(),
            Glossary.occurrences(normalized, key),
            key + " in: " + text);
        compared++;
      }
    }
    assertTrue(compared > 400, "keys compared: " + compared);
  }

  @Test
  void idsOfEachFoundTermAreThoseOfItsKey() throws IOException {
    Glossary glossary = Glossary.builtIn();
    List<String> texts = new java.util.ArrayList<>();
    // Every term of the built-in glossary, as written there, so every indexed node is reached.
    for (Concept concept : glossary.concepts()) {
      texts.addAll(concept.terms());
    }
    texts.addAll(
        java.nio.file.Files.readAllLines(
            java.nio.file.Path.of("..", "corpus", "docker-awesome.md"),
            java.nio.charset.StandardCharsets.UTF_8));
    Glossary.Occurrences found = new Glossary.Occurrences();
    int compared = 0;
    for (String text : texts) {
      String normalized = TextNormalizer.normalize(text);
      glossary.findIndexed(normalized, found);
      List<Glossary.IndexedTerm> terms = glossary.indexedTerms(normalized);
      assertEquals(terms.size(), found.size(), text);
      for (int i = 0; i < found.size(); i++) {
        assertEquals(terms.get(i).key(), found.key(i), text);
        assertArrayEquals(glossary.conceptIdsOfKey(found.key(i)), found.ids(i), found.key(i));
        compared++;
      }
    }
    assertTrue(compared > 10_000, "occurrences compared: " + compared);
  }

  @Test
  void hanTermsAreFoundAfterAnyFirstCharacter() throws IOException {
    // Children of the root by character, pairs of characters by a table of their own, deeper
    // children by a node's small hash table (one that grows past its first size here).
    Glossary glossary =
        of(
            "一丁\tone\n一七\tseven\n龥龠\tflute\n丁\tnail\n𠀀一\trare\n"
                + "一丁七\ta\n一丁丁\tb\n一丁万\tc\n一丁丈\td\n一丁三\te\n丁一\tf\n");
    assertEquals(List.of("一丁", "一七", "龥龠"), keys(glossary, "一丁，一七，龥龠，一八"));
    assertEquals(
        List.of("一丁", "一丁七", "一丁", "一丁丁", "一丁", "一丁三", "丁一"), keys(glossary, "一丁七 一丁丁，一丁三丁一"));
    assertEquals(List.of("𠀀一"), keys(glossary, "𠀀一"), "a character outside the common block");
    assertEquals(List.of(), keys(glossary, "一"));
  }

  private static List<String> keys(Glossary glossary, String text) {
    return glossary.indexedTerms(TextNormalizer.normalize(text)).stream()
        .map(Glossary.IndexedTerm::key)
        .toList();
  }

  @Test
  void conceptIdsArePlacesInTheGlossaryForIndexedTermsOnly() throws IOException {
    Glossary glossary = of("容器\tcontainer|vessel\n容器\tbox\n虚拟机\tvirtual machine\n列\tcolumn\n");
    assertArrayEquals(new String[] {"0", "1"}, glossary.conceptIdsOfKey("容器"));
    assertArrayEquals(new String[] {"0"}, glossary.conceptIdsOfKey("vessel"));
    assertArrayEquals(new String[] {"2"}, glossary.conceptIdsOfKey("virtual machine"));
    assertArrayEquals(new String[] {"3"}, glossary.conceptIdsOfKey("column"));
    assertArrayEquals(new String[0], glossary.conceptIdsOfKey("列"), "a lone Han character");
    assertArrayEquals(new String[0], glossary.conceptIdsOfKey("虚拟"));
  }

  @Test
  void conceptsOfAnotherGlossaryThanTheBuiltInOneHaveNoIdsTheIndexKnows() throws IOException {
    Glossary builtIn = Glossary.builtIn();
    Glossary extended = builtIn.with(of("虚拟机\tvirtual box\n剑桥大学\tcambridge university\n"));
    assertArrayEquals(builtIn.conceptIds("hypervisor"), extended.conceptIds("hypervisor"));
    assertNull(extended.conceptIds("virtual box"), "only in the added glossary");
    assertNull(extended.conceptIds("虚拟机"), "one of its concepts is the added glossary's");
    assertNull(extended.conceptIds("剑桥大学"));
    assertNull(of("容器\tcontainer\n").conceptIds("容器"), "a glossary of one's own");
    String[] vm = builtIn.conceptIds("虚拟机");
    assertArrayEquals(vm, builtIn.conceptIds("Virtual-Machines"));
    assertArrayEquals(vm, builtIn.conceptIdsOfKey(builtIn.indexedKey("虛擬機")));
    assertNull(builtIn.conceptIds("virtual, machine"), "punctuation inside: not indexed");
  }
}
