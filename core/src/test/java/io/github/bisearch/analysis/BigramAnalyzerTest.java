package io.github.bisearch.analysis;

import static io.github.bisearch.analysis.AnalysisAssert.assertTokens;

import java.io.IOException;
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
}
