package io.github.bisearch.glossary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class GlossaryTermTokenizerTest {
  private static final Analyzer BUILT_IN = new GlossaryTermAnalyzer();

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text.g", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String gap =
            increment.getPositionIncrement() == 1 ? "" : "+" + increment.getPositionIncrement();
        out.add(term + "[" + offset.startOffset() + "," + offset.endOffset() + "]" + gap);
      }
      stream.end();
      assertEquals(text.length(), offset.endOffset(), "final offset");
    }
    return out;
  }

  private static Analyzer of(String lines) throws IOException {
    return of(lines, false);
  }

  private static Analyzer of(String lines, boolean concepts) throws IOException {
    Glossary glossary = Glossary.parse("test.tsv", new StringReader(lines));
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(
            concepts
                ? GlossaryTermTokenizer.concepts(glossary)
                : new GlossaryTermTokenizer(glossary));
      }
    };
  }

  @Test
  void mixedTextGivesEachTermOccurrenceWithItsOffsets() throws IOException {
    Analyzer analyzer =
        of("虚拟机\tvirtual machine|vm\n虚拟机监视器\thypervisor\n监视器\tmonitor\n容器\tcontainer\n");
    assertEquals(
        List.of(
            "虚拟机[4,7]",
            "虚拟机监视器[4,10]",
            "监视器[7,10]",
            "hypervisor[11,21]",
            "container[24,34]",
            "容器[35,37]",
            "vm[38,40]"),
        tokens(analyzer, "Xen 虚拟机监视器（Hypervisor）, containers/容器 VM"));
  }

  @Test
  void traditionalFullWidthAndRepeatedTermsAreFound() throws IOException {
    Analyzer analyzer = of("容器\tcontainer\n");
    assertEquals(
        List.of("容器[0,2]", "容器[3,5]", "container[6,15]"), tokens(analyzer, "容器，容器 ＣＯＮＴＡＩＮＥＲ"));
  }

  @Test
  void textWithoutTermsGivesNoTokens() throws IOException {
    assertEquals(List.of(), tokens(of("容器\tcontainer\n"), "😀 𝐀 剑桥大学 contain"));
    assertEquals(List.of(), tokens(BUILT_IN, ""));
  }

  @Test
  void builtInAnalyzerFindsTheSeedCorpusTerms() throws IOException {
    assertEquals(
        List.of("开放[7,9]", "开放源代码[7,12]", "源代码[9,12]", "代码[10,12]", "虚拟机[12,15]", "虚拟机监视器[12,18]"),
        tokens(BUILT_IN, "Xen 是一个开放源代码虚拟机监视器"));
  }

  @Test
  void conceptsGiveEachOccurrenceTheIdsOfItsConceptsStacked() throws IOException {
    // Ids are places in the glossary: 0 虚拟机, 1 虚拟机监视器, 2 监视器, 3 and 4 the two 容器.
    Analyzer analyzer =
        of(
            "虚拟机\tvirtual machine|vm\n虚拟机监视器\thypervisor\n监视器\tmonitor\n"
                + "容器\tcontainer\n容器\tvessel\n",
            true);
    assertEquals(
        List.of(
            "0[4,7]",
            "1[4,10]",
            "2[7,10]",
            "1[11,21]",
            "3[24,34]",
            "3[35,37]",
            "4[35,37]+0",
            "0[38,40]"),
        tokens(analyzer, "Xen 虚拟机监视器（Hypervisor）, containers/容器 VM"));
  }

  @Test
  void conceptsAreThoseOfTheTermsFound() throws IOException {
    // The same value as terms and as concepts: each term found gives its concepts' ids.
    Analyzer terms = of("容器\tcontainer\n");
    Analyzer concepts = of("容器\tcontainer\n", true);
    assertEquals(List.of("容器[0,2]", "container[3,12]"), tokens(terms, "容器 container"));
    assertEquals(List.of("0[0,2]", "0[3,12]"), tokens(concepts, "容器 container"));
    assertEquals(List.of("0[0,2]"), tokens(concepts, "容器 contain"));
    assertEquals(List.of(), tokens(of("监视器\tmonitor\n", true), "容器 container"));
  }

  @Test
  void builtInConceptIdsAreTheOnesQueriesLookUp() throws IOException {
    Glossary glossary = Glossary.builtIn();
    String[] vm = glossary.conceptIds("VM");
    String[] hypervisor = glossary.conceptIds("hypervisor");
    assertEquals(1, vm.length);
    assertEquals(1, hypervisor.length);
    assertArrayEquals(vm, glossary.conceptIds("虚拟机"));
    assertArrayEquals(hypervisor, glossary.conceptIds("虛擬機監視器"));
    assertEquals(
        List.of(vm[0] + "[0,3]", hypervisor[0] + "[0,6]", vm[0] + "[7,23]"),
        tokens(new GlossaryTermAnalyzer.Concepts(), "虚拟机监视器 virtual machines"));
  }
}
