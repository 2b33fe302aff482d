package io.github.bisearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.BiSearch;
import io.github.bisearch.Hit;
import io.github.bisearch.RandomText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random markdown through ingestion: documents assembled from random blocks (headings, nested
 * lists, links, quotes, code, comments, front matter, tables, deep nesting) and documents of plain
 * random text and stray markup. Entries are always complete, their lines lie in the document, what
 * was in code, comments and front matter never reaches them, and a word of each document finds it.
 *
 * <p>Replay a failure with {@code -Dtests.seed=N}, N being the seed in its message.
 */
class RandomMarkdownTest {
  private static final int DOCUMENTS = 200;
  private static final int SEARCHED_DOCUMENTS = 60;

  /** Words that only ever appear where no entry may take them from. */
  private static final String CODE = "CODEMARKER123";

  private static final String COMMENT = "COMMENTMARKER123";
  private static final String FRONT_MATTER = "FRONTMARKER123";

  private final MarkdownIngester ingester = new MarkdownIngester();

  @Test
  void codeCommentsAndFrontMatterNeverReachAnEntry() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText text = new RandomText(new Random(seed));
    for (int i = 0; i < DOCUMENTS; i++) {
      String markdown = new Document(text).build(null);
      Supplier<String> where = where(seed, i, markdown);
      for (Entry entry : parse(markdown, where)) {
        for (String marker : List.of(CODE, COMMENT, FRONT_MATTER)) {
          for (String field : List.of(entry.title(), entry.section(), entry.text())) {
            assertFalse(
                field.contains(marker),
                () -> where.get() + ": " + marker + " in entry " + describe(entry));
          }
        }
      }
    }
  }

  @Test
  void arbitraryTextAndStrayMarkupNeverBreakIngestion() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText text = new RandomText(new Random(seed));
    for (int i = 0; i < DOCUMENTS; i++) {
      String markdown = chaos(text);
      parse(markdown, where(seed, i, markdown));
    }
  }

  @Test
  void everyDocumentIsFoundByAWordInIt() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText text = new RandomText(new Random(seed));
    List<String> words = new ArrayList<>();
    List<String> documents = new ArrayList<>();
    BiSearch search = BiSearch.inMemory();
    Throwable failure = null;
    try {
      for (int i = 0; i < SEARCHED_DOCUMENTS; i++) {
        String source = source(i);
        String word = "qx" + base26(i) + text.asciiWord(4).toLowerCase(Locale.ROOT) + "z";
        String markdown = new Document(text).build(word);
        words.add(word);
        documents.add(markdown);
        Supplier<String> where = where(seed, i, markdown);
        int entries = call(() -> search.addMarkdown(source, markdown).entries(), where);
        assertTrue(entries > 0, () -> where.get() + ": no entries");
      }
      // Documents with nothing but code, comments and headings: no entries, nothing to find.
      for (int i = 0; i < 3; i++) {
        String markdown = new Document(text).withoutProse();
        String source = "docs/empty-" + i + ".md";
        Supplier<String> where = where(seed, SEARCHED_DOCUMENTS + i, markdown);
        int entries = call(() -> search.addMarkdown(source, markdown).entries(), where);
        assertEquals(0, entries, where);
      }
      for (int i = 0; i < SEARCHED_DOCUMENTS; i++) {
        String word = words.get(i);
        String source = source(i);
        Supplier<String> where = where(seed, i, documents.get(i));
        List<Hit> hits = call(() -> search.search(word, 10).hits(), where);
        assertTrue(
            hits.stream().anyMatch(hit -> hit.source().equals(source)),
            () ->
                where.get()
                    + ": "
                    + word
                    + " does not find it: "
                    + hits.stream().map(Hit::source).toList());
      }
    } catch (RuntimeException | AssertionError e) {
      failure = e;
      throw e;
    } finally {
      try {
        search.close();
      } catch (RuntimeException | AssertionError e) {
        AssertionError closing =
            new AssertionError(
                "seed="
                    + seed
                    + ": closing the index failed after adding "
                    + SEARCHED_DOCUMENTS
                    + " documents and 3 without entries: "
                    + e,
                e);
        if (failure == null) {
          throw closing;
        }
        failure.addSuppressed(closing); // the first failure is the one to see
      }
    }
  }

  private static String source(int i) {
    return "docs/random-" + i + ".md";
  }

  /** Parses {@code markdown} and checks what every entry must satisfy. */
  private List<Entry> parse(String markdown, Supplier<String> where) {
    List<Entry> entries = call(() -> ingester.parse("docs/random.md", markdown), where);
    int lines = lineCount(markdown);
    for (Entry entry : entries) {
      Supplier<String> at = () -> where.get() + ": entry " + describe(entry);
      assertNotNull(entry.title(), at);
      assertNotNull(entry.section(), at);
      assertNotNull(entry.text(), at);
      assertEquals("docs/random.md", entry.source(), at);
      assertNotNull(entry.links(), at);
      assertTrue(
          entry.line() >= 1 && entry.line() <= lines + 1,
          () -> at.get() + ": line " + entry.line() + " of " + lines);
      assertNotNull(call(entry::language, at), at);
    }
    return entries;
  }

  /** Lines as markdown counts them: LF, CRLF and a lone CR each end one. */
  private static int lineCount(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        lines++;
      }
    }
    return lines;
  }

  /**
   * A document assembled from random blocks, each closed by a blank line, so that the structure the
   * test relies on (this is code, this is a comment) holds whatever the random text in it.
   */
  private static final class Document {
    private final RandomText text;
    private final Random random;
    private final StringBuilder out = new StringBuilder();

    /** Whether the last block was a list: an indented block after it would continue the list. */
    private boolean afterList;

    Document(RandomText text) {
      this.text = text;
      this.random = text.random();
    }

    /** The document, with {@code word} (if not null) somewhere an entry takes it from. */
    String build(String word) {
      if (random.nextInt(4) == 0) {
        frontMatter();
      }
      int blocks = random.nextInt(12);
      int wordAt = word == null ? -1 : random.nextInt(blocks + 1);
      for (int b = 0; b <= blocks; b++) {
        if (b == wordAt) {
          findable(word);
        }
        if (b < blocks) {
          block();
        }
      }
      return finish();
    }

    /** Headings, code and comments only: a document with nothing to index. */
    String withoutProse() {
      for (int b = 1 + random.nextInt(5); b > 0; b--) {
        switch (random.nextInt(3)) {
          case 0 ->
              out.append("#".repeat(1 + random.nextInt(6)))
                  .append(' ')
                  .append(safeLine())
                  .append("\n\n");
          case 1 -> fencedCode("");
          default -> commentBlock("");
        }
      }
      return finish();
    }

    private String finish() {
      String markdown = out.toString();
      if (random.nextInt(10) == 0) {
        markdown = markdown.replace("\n", "\r\n");
      }
      return markdown;
    }

    private void frontMatter() {
      if (random.nextInt(5) == 0) {
        out.append('\uFEFF');
      }
      out.append("---\n");
      if (random.nextBoolean()) {
        out.append("title: ").append(random.nextBoolean() ? "\"" : "").append(safeLine());
        out.append('\n');
      }
      out.append("author: ").append(FRONT_MATTER).append(' ').append(safeLine()).append('\n');
      out.append("tags: [").append(safeLine()).append("]\n");
      out.append(random.nextBoolean() ? "---" : "...").append("\n\n");
    }

    private void block() {
      boolean wasList = afterList;
      afterList = false;
      switch (random.nextInt(16)) {
        case 0, 1 -> heading();
        case 2, 3 -> paragraph();
        case 4, 5, 6 -> {
          list("", random.nextInt(3));
          afterList = true;
        }
        case 7 -> quote();
        case 8 -> fencedCode("");
        case 9 -> {
          if (wasList) {
            paragraph();
          } else {
            indentedCode();
          }
        }
        case 10 -> commentBlock("");
        case 11 -> htmlBlock();
        case 12 -> table();
        case 13 -> {
          labelledList();
          afterList = true;
        }
        case 14 -> {
          deepNesting();
          afterList = true;
        }
        default -> paragraphWithComment();
      }
    }

    /** A random line that starts with a word, so that it opens no block of its own. */
    private String safeLine() {
      return text.word() + " " + RandomText.oneLine(text.text());
    }

    private void heading() {
      int level = 1 + random.nextInt(7); // seven #: not a heading, a paragraph
      if (random.nextInt(5) == 0) {
        out.append(safeLine()).append('\n').append(random.nextBoolean() ? "===" : "---");
      } else {
        out.append("#".repeat(level)).append(' ').append(RandomText.oneLine(text.text()));
      }
      out.append("\n\n");
    }

    private void paragraph() {
      for (int line = 1 + random.nextInt(3); line > 0; line--) {
        out.append(safeLine()).append('\n');
      }
      out.append('\n');
    }

    /** A paragraph with a comment inline; no backtick before it could turn it into code. */
    private void paragraphWithComment() {
      String before = safeLine().replace('`', '\'');
      out.append(before).append(' ').append(inlineComment()).append(' ').append(text.line());
      out.append("\n\n");
    }

    private String inlineComment() {
      return "<!-- " + commentBody(false) + " -->";
    }

    /**
     * Comment text with the marker somewhere in it: no hyphen (an inline comment may not hold
     * {@code --}) and no backtick, but any other character, {@code >} included.
     */
    private String commentBody(boolean multiline) {
      List<String> parts = new ArrayList<>();
      for (int i = random.nextInt(4); i >= 0; i--) {
        parts.add(RandomText.oneLine(text.shortText()).replace('-', '_').replace('`', '\''));
      }
      parts.add(random.nextInt(parts.size() + 1), COMMENT);
      String separator = multiline ? (random.nextBoolean() ? "\n" : "\n\n") : " ";
      return String.join(separator, parts);
    }

    private void commentBlock(String indent) {
      boolean multiline = random.nextBoolean();
      String body = commentBody(multiline);
      String comment = "<!-- " + body + " -->";
      out.append(indent).append(comment.replace("\n", "\n" + indent)).append("\n\n");
    }

    /** An HTML block with text and, now and then, a comment inside. */
    private void htmlBlock() {
      out.append("<div>\n").append(safeLine()).append('\n');
      if (random.nextBoolean()) {
        out.append("<!-- ").append(commentBody(false)).append(" -->\n");
      }
      out.append("</div>\n\n");
    }

    /** A fenced code block, each line starting with {@code indent}, and a blank line. */
    private void fencedCode(String indent) {
      fence(indent);
      out.append('\n');
    }

    private void fence(String indent) {
      String fence = random.nextBoolean() ? "```" : "~~~";
      out.append(indent).append(fence).append(random.nextBoolean() ? "java" : "").append('\n');
      for (String line : codeLines()) {
        out.append(indent).append(line).append('\n');
      }
      out.append(indent).append(fence).append('\n');
    }

    private void indentedCode() {
      for (String line : codeLines()) {
        out.append("    ").append(line).append('\n');
      }
      out.append('\n');
    }

    /** Code with the marker in it: anything but a fence. */
    private List<String> codeLines() {
      List<String> lines = new ArrayList<>();
      for (int i = random.nextInt(4); i >= 0; i--) {
        lines.add(RandomText.oneLine(text.text()).replace('`', '\'').replace('~', '-'));
      }
      int at = random.nextInt(lines.size());
      lines.set(at, lines.get(at) + " " + CODE + " " + text.word());
      return lines;
    }

    private void table() {
      int columns = 1 + random.nextInt(4);
      for (int row = 0; row < 2 + random.nextInt(3); row++) {
        out.append('|');
        for (int c = 0; c < columns; c++) {
          String cell = row == 1 ? "---" : RandomText.oneLine(text.shortText());
          out.append(' ').append(cell.replace('|', '/')).append(" |");
        }
        out.append('\n');
      }
      out.append('\n');
    }

    private void quote() {
      int depth = 1 + random.nextInt(3);
      String prefix = "> ".repeat(depth);
      out.append(prefix).append(safeLine()).append('\n');
      if (random.nextBoolean()) {
        out.append(prefix).append('\n').append(prefix).append("- ").append(listItemText());
        out.append('\n');
      }
      if (random.nextBoolean()) {
        out.append(prefix).append('\n');
        fence(prefix);
      }
      out.append('\n');
    }

    private void labelledList() {
      out.append(text.word()).append(random.nextBoolean() ? ":" : "：").append("\n\n");
      list("", random.nextInt(2));
    }

    /**
     * A list with items of every kind; {@code nesting} more levels below some items, each item
     * indented to its parent's content.
     */
    private void list(String indent, int nesting) {
      String marker = random.nextInt(3) == 0 ? "1." : random.nextBoolean() ? "-" : "*";
      String contentIndent = indent + " ".repeat(marker.length() + 1);
      for (int item = 1 + random.nextInt(4); item > 0; item--) {
        out.append(indent).append(marker).append(' ').append(listItemText()).append('\n');
        if (random.nextInt(6) == 0) {
          out.append('\n');
          fencedCode(contentIndent);
        }
        if (random.nextInt(8) == 0) {
          out.append('\n');
          commentBlock(contentIndent);
        }
        if (nesting > 0 && random.nextInt(3) == 0) {
          list(contentIndent, nesting - 1);
        }
      }
      out.append('\n');
    }

    private String listItemText() {
      String line = RandomText.oneLine(text.shortText());
      String url =
          switch (random.nextInt(4)) {
            case 0 -> "https://en.wikipedia.org/wiki/Docker_(software)";
            case 1 -> "http://example.com/a?b=c&d=(e)";
            case 2 -> "<https://example.com/has space>";
            default -> "https://example.com/" + text.asciiWord(5);
          };
      return switch (random.nextInt(9)) {
        case 0 -> "[" + line + "](" + url + ")";
        case 1 -> "[" + line + "](" + url + ") - " + RandomText.oneLine(text.text());
        case 2 -> "[unbalanced [" + line + "](" + url + ")";
        case 3 -> "2014-07-31 [" + text.word() + "](" + url + "): " + line;
        case 4 -> text.word() + ": " + line;
        case 5 -> text.word() + " " + inlineComment() + " " + line;
        case 6 -> "[" + line + "]";
        default -> text.word() + " " + line;
      };
    }

    /** Quotes or lists nested deeper than the ingester follows, with code and a comment inside. */
    private void deepNesting() {
      int depth = 30 + random.nextInt(15);
      if (random.nextBoolean()) {
        String prefix = "> ".repeat(depth);
        out.append(prefix).append(safeLine()).append('\n');
        out.append(prefix).append('\n');
        out.append(prefix).append("```\n");
        out.append(prefix).append(CODE).append(' ').append(text.word()).append('\n');
        out.append(prefix).append("```\n");
        out.append(prefix).append('\n');
        out.append(prefix).append("<!-- ").append(COMMENT).append(" -->\n\n");
      } else {
        for (int level = 0; level < depth; level++) {
          out.append("  ".repeat(level)).append("- ").append(safeLine()).append('\n');
        }
        String inner = "  ".repeat(depth);
        out.append('\n');
        fencedCode(inner);
        commentBlock(inner);
      }
    }

    /** {@code word} where an entry takes it from: a paragraph, a list item or a heading. */
    private void findable(String word) {
      switch (random.nextInt(6)) {
        case 0 -> out.append("Findable ").append(word).append(" here.\n\n");
        case 1 -> out.append("- [").append(word).append("](https://example.com/w)\n\n");
        case 2 -> out.append("- ").append(word).append(": ").append(safeLine()).append("\n\n");
        case 3 -> out.append("## ").append(word).append("\n\nUnder the heading.\n\n");
        case 4 -> out.append("> - ").append(word).append(' ').append(safeLine()).append("\n\n");
        default -> {
          for (int level = 0; level < 40; level++) {
            out.append("  ".repeat(level)).append("- level").append(level).append('\n');
          }
          out.append("  ".repeat(40)).append("- ").append(word).append("\n\n");
        }
      }
      afterList = true; // most of the above end in a list
    }
  }

  /** Random text broken into lines, with stray markup at line starts and very deep nesting. */
  private static String chaos(RandomText text) {
    Random random = text.random();
    // Comma-separated: nothing (three times), headings, quotes, list markers, indentation, fences,
    // HTML and comment openers and closers, breaks, table rows, reference definitions, escapes.
    String[] starts =
        (",,,# ,###### ,> ,- ,* ,+ ,1. ,1) ,    ,\t,```,~~~,<!--,-->,<div>,</div>,<pre>,<script>,<?"
                + ",<![CDATA[,<!X,---,===,***,| ,|---|,[ref]: ,[ref]: <,  - ,>>>> ,- [ ] ,<http://,\\")
            .split(",", -1);
    String[] endings = {"\n", "\n", "\n", "\r\n", "\r", "\n\n"};
    StringBuilder out = new StringBuilder();
    if (random.nextInt(8) == 0) {
      out.append(random.nextBoolean() ? "---\n" : "\uFEFF---\ntitle: ").append(text.text());
      out.append(random.nextBoolean() ? "\n---\n" : "\n");
    }
    for (int line = random.nextInt(30); line >= 0; line--) {
      out.append(starts[random.nextInt(starts.length)]).append(text.text());
      out.append(endings[random.nextInt(endings.length)]);
    }
    if (random.nextInt(20) == 0) {
      int depth = 100 + random.nextInt(900);
      out.append(random.nextBoolean() ? ">".repeat(depth) : "- ".repeat(depth)).append(text.text());
    }
    if (random.nextInt(20) == 0) {
      for (int level = 0; level < 100; level++) {
        out.append("  ".repeat(level)).append("- ").append(text.shortText()).append('\n');
      }
    }
    return out.toString();
  }

  private static String base26(int n) {
    StringBuilder out = new StringBuilder();
    int rest = n;
    do {
      out.append((char) ('a' + rest % 26));
      rest /= 26;
    } while (rest > 0);
    return out.toString();
  }

  private static String describe(Entry entry) {
    return "title="
        + RandomText.describe(entry.title())
        + " section="
        + RandomText.describe(entry.section())
        + " text="
        + RandomText.describe(entry.text())
        + " line="
        + entry.line();
  }

  private static Supplier<String> where(long seed, int index, String markdown) {
    return () -> "seed=" + seed + " document #" + index + " " + RandomText.describe(markdown);
  }

  /** Runs {@code action}, turning any exception into a failure that names seed and document. */
  private static <T> T call(Supplier<T> action, Supplier<String> where) {
    try {
      return action.get();
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(where.get() + ": " + e, e);
    }
  }
}
