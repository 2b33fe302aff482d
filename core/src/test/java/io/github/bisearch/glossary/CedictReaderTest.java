package io.github.bisearch.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bisearch.BiSearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CedictReaderTest {
  private static final String SAMPLE = "cedict-sample.u8";

  private static Glossary sample() throws IOException {
    try (InputStream in = CedictReaderTest.class.getResourceAsStream(SAMPLE)) {
      return CedictReader.read(SAMPLE, new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  private static Glossary of(String lines) throws IOException {
    return CedictReader.read("test.u8", new StringReader(lines));
  }

  private static List<Concept> concept(String chinese, String... english) {
    return List.of(new Concept(List.of(chinese), List.of(english)));
  }

  @Test
  void sampleHasOneConceptPerUsableSimplifiedHeadwordInFileOrder() throws IOException {
    List<List<String>> chinese = sample().concepts().stream().map(Concept::chinese).toList();
    assertEquals(
        List.of(
            List.of("容器"),
            List.of("部署"),
            List.of("服务器"),
            List.of("数据库"),
            List.of("虚拟机"),
            List.of("网络"),
            List.of("重载"),
            List.of("集群"),
            List.of("云"),
            List.of("云计算"),
            List.of("缓存"),
            List.of("镜像"),
            List.of("实例"),
            List.of("操作系统"),
            List.of("网管"),
            List.of("软体"),
            List.of("补丁"),
            List.of("负载均衡"),
            List.of("日志")),
        chinese);
  }

  @Test
  void simplifiedHeadwordFindsItsConcept() throws IOException {
    assertEquals(concept("网络", "network"), sample().lookup("网络"));
  }

  @Test
  void traditionalQueryFindsTheSimplifiedConcept() throws IOException {
    assertEquals(concept("网络", "network"), sample().lookup("網絡"));
  }

  @Test
  void englishTermFindsItsConceptInAnyCase() throws IOException {
    assertEquals(concept("数据库", "database"), sample().lookup("Database"));
  }

  @Test
  void linesWithTheSameSimplifiedHeadwordMergeInFileOrder() throws IOException {
    assertEquals(concept("重载", "reload", "overload", "heavy load"), sample().lookup("重载"));
  }

  @Test
  void semicolonSeparatesTerms() throws IOException {
    assertEquals(concept("容器", "container", "receptacle", "vessel"), sample().lookup("容器"));
  }

  @Test
  void parenthesisedNotesAreRemoved() throws IOException {
    assertEquals(concept("镜像", "mirror image", "mirror", "disk image"), sample().lookup("镜像"));
  }

  @Test
  void leadingToIsDroppedFromVerbs() throws IOException {
    assertEquals(concept("部署", "deploy", "arrange", "deployment"), sample().lookup("部署"));
  }

  @Test
  void leadingArticleIsDropped() throws IOException {
    assertEquals(concept("实例", "instance", "example"), sample().lookup("实例"));
  }

  @Test
  void termsAreLowerCasedWithSpacesCollapsed() throws IOException {
    assertEquals(
        concept("操作系统", "operating system", "os"),
        of("操作系統 操作系统 [cao1 zuo4 xi4 tong3] /Operating   System/OS/\n").concepts());
  }

  @Test
  void termRepeatedInAnEntryIsKeptOnce() throws IOException {
    assertEquals(concept("缓存", "cache"), sample().lookup("缓存"));
  }

  @Test
  void classifierGlossIsSkipped() throws IOException {
    assertEquals(concept("服务器", "server"), sample().lookup("服务器"));
  }

  @Test
  void glossesStartingWithAReferenceMarkerAreSkippedEvenWithoutPinyin() throws IOException {
    assertEquals(
        concept("样本", "sample"),
        of("樣本 样本 [yang4 ben3] /sample/variant of 样品/old variant of 样品/see also 例子/"
                + "used in 样张/abbr. for 样本量/CL:个/\n")
            .concepts());
  }

  @Test
  void surnameGlossIsSkipped() throws IOException {
    assertEquals(concept("云", "cloud"), sample().lookup("云"));
  }

  @Test
  void abbreviationGlossIsSkipped() throws IOException {
    assertEquals(concept("网管", "network administrator"), sample().lookup("网管"));
  }

  @Test
  void taiwanGlossIsSkipped() throws IOException {
    assertEquals(concept("软体", "mollusk"), sample().lookup("软体"));
  }

  @Test
  void termLongerThanFourWordsIsSkipped() throws IOException {
    assertEquals(concept("补丁", "patch"), sample().lookup("补丁"));
  }

  @Test
  void entriesThatOnlyPointElsewhereAreSkipped() throws IOException {
    Glossary glossary = sample();
    assertEquals(List.of(), glossary.lookup("网路"));
    assertEquals(List.of(), glossary.lookup("布署"));
    assertEquals(List.of(), glossary.lookup("秘"));
    assertEquals(List.of(), glossary.lookup("乓"));
  }

  @Test
  void headwordWithoutHanIsSkipped() throws IOException {
    assertEquals(List.of(), sample().lookup("CPU"));
  }

  @Test
  void byteOrderMarkCommentsAndBlankLinesAreIgnored() throws IOException {
    assertEquals(
        concept("容器", "container"),
        of("\uFEFF# CC-CEDICT\n\n#! charset=UTF-8\n容器 容器 [rong2 qi4] /container/\n").concepts());
  }

  @Test
  void malformedLineNamesFileAndLine() {
    GlossaryFormatException e =
        assertThrows(
            GlossaryFormatException.class,
            () -> of("# CC-CEDICT\n容器 容器 [rong2 qi4] /container/\n部署 部署 /to deploy/\n"));
    assertEquals(
        "test.u8:3: not a CC-CEDICT entry (TRADITIONAL SIMPLIFIED [PINYIN] /GLOSS/)",
        e.getMessage());
  }

  @Test
  void loadReadsAFile(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("cedict.u8"), "網絡 网络 [wang3 luo4] /network/\n", StandardCharsets.UTF_8);
    assertEquals(concept("网络", "network"), CedictReader.load(file).concepts());
  }

  @Test
  void loadOfAMissingFileSaysSo(@TempDir Path dir) {
    Path file = dir.resolve("missing.u8");
    BiSearchException e = assertThrows(BiSearchException.class, () -> CedictReader.load(file));
    assertEquals(file + ": no such dictionary file", e.getMessage());
  }

  @Test
  void loadOfADirectoryGivesTheReason(@TempDir Path dir) {
    BiSearchException e = assertThrows(BiSearchException.class, () -> CedictReader.load(dir));
    assertEquals("cannot read dictionary " + dir + ": is a directory", e.getMessage());
  }

  @Test
  void loadOfATextThatIsNotUtf8GivesTheReason(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cedict-gbk.u8");
    Files.write(file, new byte[] {(byte) 0xc8, (byte) 0xdd, (byte) 0xc6, (byte) 0xf7, '\n'});
    BiSearchException e = assertThrows(BiSearchException.class, () -> CedictReader.load(file));
    assertEquals("cannot read dictionary " + file + ": not UTF-8 text", e.getMessage());
  }

  @Test
  void loadNamesThePathOfAMalformedFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("cedict.u8"), "网络 network\n", StandardCharsets.UTF_8);
    GlossaryFormatException e =
        assertThrows(GlossaryFormatException.class, () -> CedictReader.load(file));
    assertEquals(
        file + ":1: not a CC-CEDICT entry (TRADITIONAL SIMPLIFIED [PINYIN] /GLOSS/)",
        e.getMessage());
  }
}
