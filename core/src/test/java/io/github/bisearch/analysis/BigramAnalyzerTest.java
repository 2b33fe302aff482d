package io.github.bisearch.analysis;

import static io.github.bisearch.analysis.AnalysisAssert.assertTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class BigramAnalyzerTest {
  private final Analyzer analyzer = new BigramAnalyzer();

  @Test
  void hanRunsBecomeOverlappingBigrams() throws IOException {
    assertTokens(analyzer, "虚拟机监视器", "虚拟[0,2]", "拟机[1,3]", "机监[2,4]", "监视[3,5]", "视器[4,6]");
  }

  @Test
  void latinWordsAreLeftToTheWordsChain() throws IOException {
    assertTokens(analyzer, "Hyper 是一种 App 技术", "是一[6,8]+2", "一种[7,9]", "技术[14,16]+2");
  }

  @Test
  void aLoneHanCharacterIsAUnigram() throws IOException {
    assertTokens(analyzer, "docker 云 cloud", "云[7,8]+2");
  }

  @Test
  void punctuationEndsARun() throws IOException {
    assertTokens(analyzer, "容器，虚机", "容器[0,2]", "虚机[3,5]");
  }

  @Test
  void traditionalAndFullWidthAreFoldedFirst() throws IOException {
    assertTokens(analyzer, "虛擬化", "虚拟[0,2]", "拟化[1,3]");
  }

  @Test
  void pureEnglishGivesNoTokens() throws IOException {
    assertTokens(analyzer, "virtual machine");
  }

  @Test
  void aLoneSurrogateAtTheEndLosesNothing() throws IOException {
    assertTokens(analyzer, "度 \uD800", "度[0,1]");
    assertTokens(analyzer, "虚拟\uDC00机", "虚拟[0,2]", "机[3,4]");
  }

  @Test
  void marksAttachedToHanCharactersAreLeftOutOfTheTerm() throws IOException {
    // Terms only: Lucene's bigram filter computes odd offsets around the mark.
    List<String> terms =
        AnalysisAssert.tokens(analyzer, "虚\u036E拟").stream()
            .map(t -> t.substring(0, t.indexOf('[')))
            .toList();
    assertEquals(List.of("虚", "拟"), terms);
  }
}
