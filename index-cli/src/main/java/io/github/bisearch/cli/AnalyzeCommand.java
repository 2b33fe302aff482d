package io.github.bisearch.cli;

import io.github.bisearch.analysis.BigramAnalyzer;
import io.github.bisearch.analysis.WordsAnalyzer;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.glossary.GlossaryTermAnalyzer;
import io.github.bisearch.query.BilingualQueryBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search-cli analyze}: the tokens each analysis chain makes of a text. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "显示每条分析链把文本切成的词元，以及查询的概念和译文。",
      "Prints the tokens each analysis chain makes of TEXT (term[start,end], offsets in UTF-16",
      "units): words, Han bigrams, and the built-in glossary's terms as the index holds them;",
      "then the query concepts with their translations."
    },
    footer = {
      "",
      "Examples / 示例:",
      "  search-cli analyze \"kubernetes cluster 部署\"",
      "  search-cli analyze \"Xen 是一个开放源代码虚拟机監視器\""
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TEXT", arity = "1..*", description = "Text to analyze.")
  List<String> words;

  @Override
  public Integer call() throws IOException {
    String text = String.join(" ", words);
    if (SearchCli.isBlank(text)) {
      throw new IllegalArgumentException("text is empty");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Analyzer wordsChain = new WordsAnalyzer();
        Analyzer bigramChain = new BigramAnalyzer();
        Analyzer glossaryChain = new GlossaryTermAnalyzer()) {
      out.println("words:   " + String.join(" ", tokens(wordsChain, text)));
      out.println("bigrams: " + String.join(" ", tokens(bigramChain, text)));
      out.println("terms:   " + String.join(" ", tokens(glossaryChain, text)));
    }
    TextOutput.printConcepts(
        new BilingualQueryBuilder(Glossary.builtIn(), true).concepts(text), out);
    out.flush();
    return SearchCli.EXIT_OK;
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term + "[" + offset.startOffset() + "," + offset.endOffset() + "]");
      }
      stream.end();
    }
    return out;
  }
}
