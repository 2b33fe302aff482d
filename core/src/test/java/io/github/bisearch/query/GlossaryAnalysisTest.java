package io.github.bisearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.index.IndexSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build's table of glossary analyses says what the words analyzer says, token for token. */
class GlossaryAnalysisTest {
  @Test
  void everyEntryMatchesTheAnalyzer() {
    Map<String, Analyzed.Tokens> table = GlossaryAnalysis.load();
    assertTrue(table.size() > 5_000, "table has " + table.size() + " texts");
    for (Map.Entry<String, Analyzed.Tokens> entry : table.entrySet()) {
      Analyzed.Tokens live =
          Analyzed.analyze(
              IndexSchema.wordsAnalyzer(), IndexSchema.words(IndexSchema.TEXT), entry.getKey());
      assertEquals(live.list(), entry.getValue().list(), entry.getKey());
    }
  }

  @Test
  void tableHoldsTheTermsTranslationsAndPartsOfAGlossaryQuery() {
    Map<String, Analyzed.Tokens> table = GlossaryAnalysis.load();
    // 虚拟机 is cut 虚拟 + 机 by the segmenter; its part 机 is looked up alone.
    assertEquals(
        List.of(new Analyzed.Token("虚拟", 0, 0, 2), new Analyzed.Token("机", 1, 2, 3)),
        table.get("虚拟机").list());
    assertEquals(List.of(new Analyzed.Token("机", 0, 0, 1)), table.get("机").list());
    assertEquals(
        List.of(new Analyzed.Token("hypervisor", 0, 0, 10)), table.get("hypervisor").list());
    assertTrue(table.containsKey("virtual machine"));
  }

  @Test
  void aGlossaryTextIsTakenFromTheTable() {
    Analyzed.Tokens tokens = Analyzed.words("虚拟机监视器");
    assertSame(Analyzed.prepared("虚拟机监视器"), tokens);
    assertEquals(
        List.of("虚拟", "机", "监视器"), tokens.terms(), "as the analyzer cuts it at build time");
  }

  @Test
  void encodingKeepsCommasInTerms() {
    Analyzed.Tokens tokens =
        new Analyzed.Tokens(
            List.of(new Analyzed.Token("a,b", 0, 0, 3), new Analyzed.Token("c", 2, 4, 5)), true);
    String line = GlossaryAnalysis.encode("a,b x c", tokens);
    assertEquals("a,b x c\t0,0,3,a,b\u001f2,4,5,c", line);
  }
}
