package io.github.bisearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bisearch.Snippet;
import io.github.bisearch.Snippet.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  @Test
  void shortTextIsKeptWholeWithMergedHighlights() {
    Snippet snippet =
        Snippets.cut("虚拟机监视器 and VM", List.of(new Range(3, 6), new Range(0, 3), new Range(11, 13)));
    assertEquals("[虚拟机监视器] and [VM]", snippet.toString());
  }

  @Test
  void longTextIsCutAroundTheDensestMatchesAtASentenceStart() {
    String text = "第一句话很长。".repeat(20) + "这里讲虚拟机。然后是更多的文字" + "。".repeat(100);
    int at = text.indexOf("虚拟机");
    Snippet snippet = Snippets.cut(text, List.of(new Range(at, at + 3)));
    assertEquals(true, snippet.toString().startsWith("…这里讲[虚拟机]。然后是更多的文字"), snippet.toString());
    assertEquals(true, snippet.text().endsWith("…"));
    assertEquals(Snippets.WIDTH + 2, Snippets.width(snippet.text(), 0, snippet.text().length()));
  }

  @Test
  void englishCutsFallBetweenWords() {
    String text = "alpha ".repeat(40) + "needle " + "omega ".repeat(40);
    int at = text.indexOf("needle");
    Snippet snippet = Snippets.cut(text, List.of(new Range(at, at + 6)));
    assertEquals(true, snippet.text().startsWith("…alpha"), snippet.text());
    assertEquals(
        true,
        snippet.text().endsWith("omega…") || snippet.text().endsWith("omega …"),
        snippet.text());
  }

  @Test
  void wideCharactersCountTwoColumns() {
    assertEquals(2, Snippets.columns('虚'));
    assertEquals(1, Snippets.columns('a'));
    assertEquals(2, Snippets.columns(0x1F433));
    assertEquals(0, Snippets.columns(0x0301));
  }
}
