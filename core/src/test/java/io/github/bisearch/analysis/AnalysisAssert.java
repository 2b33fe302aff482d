package io.github.bisearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Renders a token stream as {@code term[start,end]} (with {@code +n} for position gaps). */
final class AnalysisAssert {
  private AnalysisAssert() {}

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String gap = inc.getPositionIncrement() == 1 ? "" : "+" + inc.getPositionIncrement();
        out.add(term + "[" + offset.startOffset() + "," + offset.endOffset() + "]" + gap);
      }
      stream.end();
    }
    return out;
  }

  static void assertTokens(Analyzer analyzer, String text, String... expected) throws IOException {
    assertEquals(List.of(expected), tokens(analyzer, text), "tokens of: " + text);
  }
}
