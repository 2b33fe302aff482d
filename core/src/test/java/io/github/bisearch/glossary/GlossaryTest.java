package io.github.bisearch.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.analysis.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
