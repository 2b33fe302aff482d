package io.github.bisearch.analysis;

import static io.github.bisearch.analysis.AnalysisAssert.assertTokens;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class WordsAnalyzerTest {
  private final Analyzer analyzer = new WordsAnalyzer();

  @Test
  void segmentsChineseIntoWordsWithOffsets() throws IOException {
    assertTokens(
        analyzer,
        "Xen 是一个开放源代码虚拟机监视器，由剑桥大学开发。",
        "xen[0,3]",
        "是[4,5]",
        "一个[5,7]",
        "开放[7,9]",
        "源代码[9,12]",
        "虚拟[12,14]",
        "机[14,15]",
        "监视器[15,18]",
        "由[19,20]+2",
        "剑桥[20,22]",
        "大学[22,24]",
        "开发[24,26]");
  }

  @Test
  void englishDropsStopwordsAndStems() throws IOException {
    assertTokens(
        analyzer,
        "The containers are running on virtual machines",
        "container[4,14]+2",
        "running[19,26]+2",
        "virtual[30,37]+2",
        "machine[38,46]");
  }

  @Test
  void pluralsAndInflectionsMeetTheirBaseForm() throws IOException {
    assertTokens(
        analyzer,
        "books operating systems deployments",
        "book[0,5]",
        "operate[6,15]",
        "system[16,23]",
        "deploy[24,35]");
  }

  @Test
  void possessiveAndHyphenatedWords() throws IOException {
    assertTokens(analyzer, "Kernel-based world's", "kernel[0,6]", "base[7,12]+2", "world[13,18]");
  }

  @Test
  void mixedTextSplitsAtScriptBoundaries() throws IOException {
    assertTokens(
        analyzer, "Kubernetes系统架构简介", "kubernete[0,10]", "系统[10,12]", "架构[12,14]", "简介[14,16]");
  }

  @Test
  void fullWidthFormsFoldToHalfWidth() throws IOException {
    assertTokens(analyzer, "ｄｏｃｋｅｒ　ｈｕｂ", "docker[0,6]", "hub[7,10]");
  }

  @Test
  void traditionalChineseFoldsToSimplifiedKeepingOffsets() throws IOException {
    assertTokens(analyzer, "虛擬化技術", "虚拟[0,2]", "化[2,3]", "技术[3,5]");
  }

  @Test
  void emojiAndSupplementaryCharactersDoNotBreakOffsets() throws IOException {
    assertTokens(analyzer, "🐳 docker 容器", "🐳[0,2]", "docker[3,9]", "容器[10,12]");
  }
}
