package io.github.bisearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkdownIngesterTest {
  private static final String SOURCE = "corpus/docker-awesome.md";
  private static List<Entry> seed;

  private final MarkdownIngester ingester = new MarkdownIngester();

  @BeforeAll
  static void parseSeed() throws IOException {
    String markdown =
        Files.readString(Path.of("..", "corpus", "docker-awesome.md"), StandardCharsets.UTF_8);
    seed = new MarkdownIngester().parse(SOURCE, markdown);
  }

  private static Entry seedEntry(String title) {
    return seed.stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void aParagraphThatOverflowsTheCallersStackIsParsedOnADeeperOne() throws InterruptedException {
    // flexmark matches an unclosed HTML comment with a regular expression that recurses once per
    // character: on a thread with a small stack this overflows, and the parse is tried again on a
    // thread of its own.
    String tail = "x".repeat(20_000);
    String markdown = "# Notes\n\nSee <!-- " + tail + "\n";
    Object[] outcome = new Object[1];
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                outcome[0] = ingester.parse("notes.md", markdown);
              } catch (RuntimeException | StackOverflowError e) {
                outcome[0] = e;
              }
            },
            "small-stack",
            256 * 1024);
    small.start();
    small.join();
    assertTrue(outcome[0] instanceof List<?>, String.valueOf(outcome[0]));
    List<?> entries = (List<?>) outcome[0];
    assertEquals(1, entries.size());
    Entry entry = (Entry) entries.get(0);
    assertEquals("Notes", entry.title());
    assertEquals(3, entry.line());
    assertEquals("See", entry.text()); // a comment, however long, is not text
  }

  @Test
  void seedHasOneEntryPerListItemAndParagraph() {
    assertEquals(36, seed.size());
    assertEquals(
        32, seed.stream().filter(e -> e.url() != null && !e.title().equals("Docker介绍")).count());
  }

  @Test
  void listItemTakesTitleUrlAndDescriptionFromItsLeadingLink() {
    Entry xen = seedEntry("Xen");
    assertEquals("http://www.xenproject.org/", xen.url());
    assertEquals("Projects > Virtual Machine", xen.section());
    assertEquals(46, xen.line());
    assertEquals(SOURCE, xen.source());
    assertEquals(Language.ZH, xen.language());
    assertEquals(
        "Xen 是一个开放源代码虚拟机监视器，由剑桥大学开发。",
        xen.text().substring(0, "Xen 是一个开放源代码虚拟机监视器，由剑桥大学开发。".length()));
  }

  @Test
  void englishItemIsEnglish() {
    Entry kvm = seedEntry("Kernel Virtual Machine");
    assertEquals("http://www.linux-kvm.org/page/Main_Page", kvm.url());
    assertEquals(Language.EN, kvm.language());
    assertEquals(48, kvm.line());
  }

  @Test
  void datePrefixIsKeptAsDateAndLabelParagraphJoinsTheSection() {
    Entry entry = seedEntry("深入浅出Docker（一）：Docker核心技术预览");
    assertEquals("2014-07-31", entry.date());
    assertEquals("Articles > 深入浅出Docker系列", entry.section());
    assertEquals("http://www.infoq.com/cn/articles/docker-core-technology-preview", entry.url());
    assertEquals("", entry.text());
  }

  @Test
  void furtherLinksAreKeptBesideTheMainOne() {
    Entry shopify =
        seedEntry(
            "Docker at Shopify: How we built containers that power over 100,000 online shops");
    assertEquals("2014-11-26", shopify.date());
    assertEquals(
        List.of(new Link("中文版", "http://www.csdn.net/article/2014-11-25/2822806")),
        shopify.links());
    assertEquals("Articles > 其它文章", shopify.section());
  }

  @Test
  void paragraphOutsideAListIsTitledByItsHeadingAndLinkWithParenthesesSurvives() {
    Entry first = seed.get(0);
    assertEquals("Docker介绍", first.title());
    assertEquals("https://en.wiki2.org/wiki/Docker_(software)", first.url());
    assertEquals("Docker Wikipedia", first.text());
    assertEquals(3, first.line());
    Entry second = seed.get(1);
    assertEquals(5, second.line());
    assertEquals(Language.EN, second.language());
    assertNull(second.url());
  }

  @Test
  void labelParagraphsAreNotEntries() {
    assertFalse(seed.stream().anyMatch(e -> e.text().equals("演讲:")));
  }

  @Test
  void frontMatterTitleNamesParagraphsBeforeAnyHeading() {
    List<Entry> entries =
        ingester.parse("docs/a.md", "---\ntitle: \"部署指南\"\nsummary: x\n---\n\nFirst paragraph.\n");
    assertEquals(1, entries.size());
    assertEquals("部署指南", entries.get(0).title());
    assertEquals("First paragraph.", entries.get(0).text());
    assertEquals(6, entries.get(0).line());
  }

  @Test
  void withoutHeadingOrFrontMatterTheFileNameIsTheTitle() {
    List<Entry> entries = ingester.parse("docs/getting-started.md", "Hello.\n");
    assertEquals("getting-started", entries.get(0).title());
  }

  @Test
  void codeBlocksAndHtmlCommentsAreNotText() {
    String markdown =
        "# Guide\n\n<!-- secret comment -->\n\n```sh\ndocker run hidden\n```\n\n"
            + "    indented code\n\nVisible text with <!-- inline --> words.\n";
    List<Entry> entries = ingester.parse("g.md", markdown);
    assertEquals(1, entries.size());
    assertEquals("Visible text with words.", entries.get(0).text());
    assertEquals(11, entries.get(0).line());
  }

  @Test
  void nestedItemsLiveUnderTheirParentItem() {
    String markdown =
        "## Tools\n\n- [Parent](http://p.example): the parent\n"
            + "  - [Child](http://c.example)：子项目说明\n    - [Grandchild](http://g.example) - deep\n";
    List<Entry> entries = ingester.parse("n.md", markdown);
    assertEquals(3, entries.size());
    assertEquals("the parent", entries.get(0).text());
    assertEquals("Tools > Parent", entries.get(1).section());
    assertEquals("子项目说明", entries.get(1).text());
    assertEquals("Tools > Parent > Child", entries.get(2).section());
    assertEquals("deep", entries.get(2).text());
    assertEquals(5, entries.get(2).line());
  }

  @Test
  void itemWithoutLinkSplitsAtAShortLeadingTerm() {
    List<Entry> entries =
        ingester.parse("t.md", "# 术语\n\n- 镜像：容器的只读模板\n- plain item without a term\n");
    assertEquals("镜像", entries.get(0).title());
    assertEquals("容器的只读模板", entries.get(0).text());
    assertEquals("术语", entries.get(1).title());
    assertEquals("plain item without a term", entries.get(1).text());
  }

  @Test
  void referenceLinksResolve() {
    List<Entry> entries =
        ingester.parse("r.md", "- [Docker][d]: engine\n\n[d]: https://www.docker.com/\n");
    assertEquals(1, entries.size());
    assertEquals("https://www.docker.com/", entries.get(0).url());
    assertEquals("engine", entries.get(0).text());
  }

  @Test
  void deepNestingBecomesOneEntryWithoutExhaustingTheStack() {
    String quotes = ">".repeat(10_000) + " 深处 deep\n";
    List<Entry> fromQuotes = ingester.parse("q.md", quotes);
    assertEquals(1, fromQuotes.size());
    assertEquals("深处 deep", fromQuotes.get(0).text());

    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      list.append("  ".repeat(i)).append("- item ").append(i).append('\n');
    }
    List<Entry> fromList = ingester.parse("l.md", list.toString());
    // Items one by one down to the nesting limit, then the rest in one entry.
    Entry last = fromList.get(fromList.size() - 1);
    assertTrue(last.text().endsWith("item 199"), last.text());
    assertEquals(200, fromList.stream().mapToInt(e -> e.text().split("item ").length - 1).sum());
  }

  @Test
  void lineNumbersStayRightDeepIntoALargeFile() {
    StringBuilder markdown = new StringBuilder("# Big\n\n");
    for (int i = 0; i < 50_000; i++) {
      markdown.append("- [Item ").append(i).append("](http://x/").append(i).append("): text\r\n");
    }
    List<Entry> entries = ingester.parse("big.md", markdown.toString());
    assertEquals(50_000, entries.size());
    assertEquals(3, entries.get(0).line());
    assertEquals(50_002, entries.get(49_999).line());
  }

  @Test
  void thousandsOfNestedListLevelsParseQuicklyAndKeepEveryItem() {
    StringBuilder list = new StringBuilder("# Deep\n\n");
    for (int i = 0; i < 2_000; i++) {
      list.append("  ".repeat(i)).append("- level").append(i).append('\n');
    }
    List<Entry> entries = ingester.parse("deep.md", list.toString());
    String all = String.join(" ", entries.stream().map(Entry::text).toList());
    for (int i = 0; i < 2_000; i += 111) {
      assertTrue(all.contains("level" + i + " ") || all.endsWith("level" + i), "level" + i);
    }
    assertEquals(3, entries.get(0).line());
  }

  @Test
  void indentationIsCappedWithoutMovingLines() {
    String text = " ".repeat(400) + "- deep\n\tx\n";
    String clamped = MarkdownIngester.clampIndentation(text);
    // Leading white space is rewritten as spaces (a tab to the next multiple of four).
    assertEquals(" ".repeat(160) + "- deep\n    x\n", clamped);
    assertEquals("- a\n", MarkdownIngester.clampIndentation("- a\n"));
  }

  @Test
  void commentInsideAnHtmlBlockStaysHiddenEvenWithAnAngleBracket() {
    List<Entry> entries =
        ingester.parse("h.md", "<div>\n<!-- a > SECRET -->\nshown text\n</div>\n");
    assertEquals(1, entries.size());
    assertEquals("shown text", entries.get(0).text());
  }

  @Test
  void aLoneAngleBracketInAnHtmlBlockIsTextAndHidesNoComment() {
    List<Entry> entries =
        ingester.parse(
            "h.md", "<div>\nx < 3 <\n<!-- SECRET </div> -->\n<b>bold</b> 2<3 a<b\n</div>\n");
    assertEquals(1, entries.size());
    assertEquals("x < 3 < bold 2<3 a", entries.get(0).text());
  }

  @Test
  void deepInlineNestingParsesOnASmallStack() throws Exception {
    String markdown =
        "# e\n\n"
            + "*_".repeat(20_000)
            + "inner"
            + "_*".repeat(20_000)
            + "\n\n"
            + "[".repeat(20_000)
            + "x"
            + "]".repeat(20_000)
            + "\n";
    List<List<Entry>> result = new java.util.ArrayList<>();
    Thread small =
        new Thread(null, () -> result.add(ingester.parse("e.md", markdown)), "small", 512 * 1024);
    small.start();
    small.join();
    assertEquals(1, result.size(), "parsing failed on a 512 KB stack");
    assertTrue(result.get(0).get(0).text().contains("inner"), result.get(0).get(0).text());
  }

  @Test
  void commentsThatCommonMarkLeavesAsTextAreHiddenToo() {
    List<Entry> entries = ingester.parse("c.md", "a <!-- b -- c --> d <!-- open to the end\n");
    assertEquals("a d", entries.get(0).text());
  }
}
