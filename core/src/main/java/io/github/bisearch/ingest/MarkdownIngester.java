package io.github.bisearch.ingest;

import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.github.bisearch.ingest.InlineText.Segment;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one markdown document into {@link Entry entries}, with flexmark-java as the parser.
 *
 * <p>List items and paragraphs become entries; headings build the section path; code blocks, HTML
 * comments and reference definitions are skipped. A short paragraph ending in a colon right before
 * a list ({@code 演讲:}) labels that list: it joins the section path of the list's entries rather
 * than becoming an entry of its own. Instances are immutable and thread-safe.
 */
public final class MarkdownIngester {
  private static final String SECTION_SEPARATOR = " > ";
  private static final Pattern DATE_PREFIX =
      Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2})\\s*[:：]?\\s*");

  /** Hugo shortcodes such as {{< copyable "sql" >}} carry no prose. */
  private static final Pattern SHORTCODE = Pattern.compile("^\\{\\{[<%].*[>%]\\}\\}$");

  private static final int LABEL_MAX_LENGTH = 40;

  /** Nesting levels (of lists and quotes) followed one by one; deeper content becomes one entry. */
  private static final int MAX_NESTING = 32;

  /** Leading columns kept on a line: deeper than any nesting followed one by one. */
  private static final int MAX_INDENT = 160;

  private static final int TERM_MAX_LENGTH = 40;

  /**
   * Built on the first parse, not with the ingester: a program that only searches an index it
   * already has never loads flexmark. Parsers are immutable and thread-safe.
   */
  private static final class ParserHolder {
    static final Parser PARSER =
        Parser.builder()
            .customInlineParserFactory(MatchingInlineParser::new)
            // What flexmark adds by itself only with its own inline parser: reference definitions.
            .paragraphPreProcessorFactory(new ReferencePreProcessorFactory())
            .build();
  }

  /**
   * Parses {@code markdown} and returns its entries in document order.
   *
   * @param source how entries should name the file they came from
   */
  public List<Entry> parse(String source, String markdown) {
    try {
      return parseHere(source, markdown);
    } catch (StackOverflowError e) {
      return parseOnDeepStack(source, markdown);
    }
  }

  /**
   * Stack for a second try at a text that overflowed the caller's. flexmark matches inline HTML
   * with regular expressions that recurse once per character or so: a paragraph of some ten
   * thousand characters after a {@code <} needs more than the usual few megabytes. The memory is
   * reserved, not used, until the parse goes that deep.
   */
  static final long DEEP_STACK_BYTES = 1L << 30;

  /**
   * {@link #parse} in a thread of its own with a stack of {@link #DEEP_STACK_BYTES}, waiting for
   * it.
   *
   * @throws StackOverflowError if even that stack is too small
   */
  private List<Entry> parseOnDeepStack(String source, String markdown) {
    Object[] outcome = new Object[1];
    Thread parsing =
        new Thread(
            null,
            new Runnable() {
              @Override
              public void run() {
                try {
                  outcome[0] = parseHere(source, markdown);
                } catch (RuntimeException | StackOverflowError e) {
                  outcome[0] = e;
                }
              }
            },
            "bisearch-deep-parse",
            DEEP_STACK_BYTES);
    parsing.start();
    boolean interrupted = false;
    while (true) {
      try {
        parsing.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the parse holds no lock and ends on its own
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (outcome[0] instanceof RuntimeException e) {
      throw e;
    }
    if (outcome[0] instanceof StackOverflowError e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    List<Entry> entries = (List<Entry>) outcome[0];
    return entries;
  }

  private List<Entry> parseHere(String source, String markdown) {
    FrontMatter frontMatter = FrontMatter.split(markdown);
    Document document = ParserHolder.PARSER.parse(clampIndentation(frontMatter.body()));
    Walk walk =
        new Walk(source, frontMatter.title(), fileStem(source), new LineIndex(frontMatter.body()));
    walk.blocks(Walk.children(document), List.of());
    return walk.entries;
  }

  /**
   * Caps leading white space at {@link #MAX_INDENT} columns. flexmark's parser checks every open
   * container on every line, so a list nested thousands of levels deep takes time quadratic in its
   * depth; past the cap, deeper items become siblings of the deepest one, which loses only
   * structure that {@link #MAX_NESTING} flattens anyway. Line breaks are kept, so line numbers stay
   * true.
   */
  static String clampIndentation(String text) {
    if (!hasDeepIndentation(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int columns = 0;
      int j = i;
      while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        columns += text.charAt(j) == '\t' ? 4 - columns % 4 : 1;
        j++;
      }
      out.append(" ".repeat(Math.min(columns, MAX_INDENT)));
      int end = text.indexOf('\n', j);
      end = end < 0 ? text.length() : end + 1;
      out.append(text, j, end);
      i = end;
    }
    return out.toString();
  }

  private static boolean hasDeepIndentation(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        run = 0;
      } else if (c == ' ' || c == '\t') {
        if (run >= 0 && (run += c == '\t' ? 4 : 1) > MAX_INDENT) {
          return true;
        }
      } else {
        run = -1; // past the line's indentation
      }
    }
    return false;
  }

  private static String fileStem(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    String name = source.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** One pass over one document. */
  private static final class Walk {
    final String source;
    final String documentTitle;
    final String fallbackTitle;
    final List<Entry> entries = new ArrayList<>();

    /** Heading texts by level (index 0 = level 1); null where a level has no heading. */
    final String[] headings = new String[6];

    final LineIndex lines;

    /** Containers (lists, items, quotes) entered so far. */
    int depth;

    Walk(String source, String documentTitle, String fallbackTitle, LineIndex lines) {
      this.lines = lines;
      this.source = source;
      this.documentTitle = documentTitle;
      this.fallbackTitle = fallbackTitle;
    }

    /** Visits {@code nodes} in order; {@code labels} are extra section parts in force. */
    void blocks(List<Node> nodes, List<String> labels) {
      if (depth >= MAX_NESTING) {
        flatten(nodes, labels);
        return;
      }
      depth++;
      try {
        visit(nodes, labels);
      } finally {
        depth--;
      }
    }

    private void visit(List<Node> nodes, List<String> labels) {
      for (int i = 0; i < nodes.size(); i++) {
        Node node = nodes.get(i);
        if (node instanceof Heading heading) {
          heading(heading);
        } else if (node instanceof Paragraph paragraph) {
          String label = label(paragraph);
          if (label != null) {
            List<String> nested = new ArrayList<>(labels);
            nested.add(label);
            list((ListBlock) nodes.get(++i), nested);
          } else {
            paragraph(paragraph, labels);
          }
        } else if (node instanceof ListBlock list) {
          list(list, labels);
        } else if (node instanceof HtmlBlock html) {
          htmlBlock(html, labels);
        } else if (node instanceof HtmlCommentBlock
            || node instanceof FencedCodeBlock
            || node instanceof IndentedCodeBlock
            || node instanceof CodeBlock
            || node instanceof ThematicBreak
            || node instanceof Reference) {
          // Not prose: code is not searched as text, comments and definitions are invisible.
        } else {
          blocks(children(node), labels); // block quotes and other containers
        }
      }
    }

    /**
     * Indexes what lies below an absurdly deep nesting as one entry, walking it without recursion
     * so that no input can exhaust the stack.
     */
    void flatten(List<Node> nodes, List<String> labels) {
      StringBuilder text = new StringBuilder();
      ArrayDeque<Node> pending = new ArrayDeque<>();
      for (int i = nodes.size() - 1; i >= 0; i--) {
        pending.push(nodes.get(i));
      }
      while (!pending.isEmpty()) {
        Node node = pending.pop();
        if (node instanceof Paragraph || node instanceof Heading) {
          String plain = InlineText.plain(InlineText.of(node));
          if (!plain.isEmpty()) {
            text.append(text.length() > 0 ? " " : "").append(plain);
          }
        } else if (!(node instanceof HtmlCommentBlock || node instanceof CodeBlock)) {
          List<Node> children = children(node);
          for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(children.get(i));
          }
        }
      }
      if (text.length() > 0) {
        add(headingTitle(), null, section(labels), text.toString(), null, List.of(), nodes.get(0));
      }
    }

    static List<Node> children(Node parent) {
      List<Node> children = new ArrayList<>();
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        children.add(child);
      }
      return children;
    }

    void heading(Heading heading) {
      int level = Math.min(Math.max(heading.getLevel(), 1), 6);
      headings[level - 1] = InlineText.plain(InlineText.of(heading));
      for (int i = level; i < headings.length; i++) {
        headings[i] = null;
      }
    }

    /**
     * The label text if {@code paragraph} is a short line ending in a colon right before a list.
     */
    String label(Paragraph paragraph) {
      if (!(paragraph.getNext() instanceof ListBlock)) {
        return null;
      }
      String text = InlineText.plain(InlineText.of(paragraph));
      if (text.isEmpty() || text.codePointCount(0, text.length()) > LABEL_MAX_LENGTH) {
        return null;
      }
      char last = text.charAt(text.length() - 1);
      if (last != ':' && last != '：') {
        return null;
      }
      String label = text.substring(0, text.length() - 1).strip();
      return label.isEmpty() ? null : label;
    }

    void paragraph(Paragraph paragraph, List<String> labels) {
      List<Segment> segments = InlineText.of(paragraph);
      String text = InlineText.plain(segments);
      if (text.isEmpty() || SHORTCODE.matcher(text).matches()) {
        return;
      }
      // A paragraph that is one link is about what it links to; links inside prose are
      // references to elsewhere, kept as links but not as the entry's url.
      List<Link> links = new ArrayList<>();
      for (Segment segment : segments) {
        if (segment.isLink()) {
          links.add(new Link(segment.text(), segment.url()));
        }
      }
      String url = null;
      if (links.size() == 1 && links.get(0).text().equals(text)) {
        url = links.remove(0).url();
      }
      add(headingTitle(), url, section(labels), text, null, links, paragraph);
    }

    void htmlBlock(HtmlBlock html, List<String> labels) {
      String text = InlineText.collapseSpaces(stripTags(html.getChars().toString()));
      if (!text.isEmpty()) {
        add(headingTitle(), null, section(labels), text, null, List.of(), html);
      }
    }

    void list(ListBlock list, List<String> labels) {
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        if (item instanceof ListItem listItem) {
          listItem(listItem, labels);
        }
      }
    }

    void listItem(ListItem item, List<String> labels) {
      List<Segment> segments = new ArrayList<>();
      List<Node> nestedBlocks = new ArrayList<>();
      for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Paragraph) {
          if (!segments.isEmpty()) {
            segments.add(new Segment(" ", null));
          }
          segments.addAll(InlineText.of(child));
        } else if (!(child instanceof HtmlCommentBlock)) {
          nestedBlocks.add(child);
        }
      }
      ItemParts parts = ItemParts.of(segments);
      String title = parts.title != null ? parts.title : headingTitle();
      if (parts.title != null || !parts.text.isEmpty()) {
        add(title, parts.url, section(labels), parts.text, parts.date, parts.links, item);
      }
      if (!nestedBlocks.isEmpty()) {
        // Nested items live under their parent item, as if it were a heading.
        List<String> nested = new ArrayList<>(labels);
        if (parts.title != null && !parts.title.isEmpty()) {
          nested.add(parts.title);
        }
        blocks(nestedBlocks, nested);
      }
    }

    String headingTitle() {
      for (int i = headings.length - 1; i >= 0; i--) {
        if (headings[i] != null && !headings[i].isEmpty()) {
          return headings[i];
        }
      }
      return documentTitle != null ? documentTitle : fallbackTitle;
    }

    String section(List<String> labels) {
      StringBuilder path = new StringBuilder();
      for (String heading : headings) {
        if (heading != null && !heading.isEmpty()) {
          if (path.length() > 0) {
            path.append(SECTION_SEPARATOR);
          }
          path.append(heading);
        }
      }
      for (String label : labels) {
        if (path.length() > 0) {
          path.append(SECTION_SEPARATOR);
        }
        path.append(label);
      }
      return path.toString();
    }

    void add(
        String title,
        String url,
        String section,
        String text,
        String date,
        List<Link> links,
        Node node) {
      entries.add(
          new Entry(
              title, url, section, text, date, links, source, lines.lineOf(node.getStartOffset())));
    }
  }

  /** The parts of a list item: an optional date, a title with its url, a description. */
  record ItemParts(String date, String title, String url, String text, List<Link> links) {
    static ItemParts of(List<Segment> segments) {
      String date = null;
      List<Segment> rest = new ArrayList<>(segments);
      if (!rest.isEmpty() && !rest.get(0).isLink()) {
        Matcher m = DATE_PREFIX.matcher(rest.get(0).text());
        if (m.find()) {
          date = m.group(1);
          rest.set(0, new Segment(rest.get(0).text().substring(m.end()), null));
        }
      }
      int first = 0;
      while (first < rest.size() && !rest.get(first).isLink() && rest.get(first).text().isBlank()) {
        first++;
      }
      if (first < rest.size() && rest.get(first).isLink()) {
        Segment lead = rest.get(first);
        List<Link> links = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Segment segment : rest.subList(first + 1, rest.size())) {
          if (segment.isLink()) {
            links.add(new Link(segment.text(), segment.url()));
          }
          text.append(segment.text());
        }
        return new ItemParts(
            date, lead.text(), lead.url(), stripSeparators(InlineText.collapseSpaces(text)), links);
      }
      // No leading link: "Term: description", or the whole item as a description.
      String url = null;
      List<Link> links = new ArrayList<>();
      for (Segment segment : rest) {
        if (segment.isLink()) {
          if (url == null) {
            url = segment.url();
          } else {
            links.add(new Link(segment.text(), segment.url()));
          }
        }
      }
      String plain = InlineText.plain(rest);
      int colon = termEnd(plain);
      if (colon > 0) {
        return new ItemParts(
            date,
            plain.substring(0, colon).strip(),
            url,
            stripSeparators(plain.substring(colon + 1)),
            links);
      }
      return new ItemParts(date, null, url, plain, links);
    }

    /** The index of the colon ending a short leading term, or -1. */
    private static int termEnd(String text) {
      int limit = Math.min(text.length(), TERM_MAX_LENGTH + 1);
      for (int i = 0; i < limit; i++) {
        char c = text.charAt(i);
        if (c == '：' || (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' '))) {
          return i;
        }
        if (c == '。' || c == '.' || c == '，' || c == ',') {
          return -1;
        }
      }
      return -1;
    }

    private static String stripSeparators(String text) {
      int start = 0;
      while (start < text.length()) {
        char c = text.charAt(start);
        if (Character.isWhitespace(c) || "：:-–—,，;；|".indexOf(c) >= 0) {
          start++;
        } else {
          break;
        }
      }
      return text.substring(start).strip();
    }
  }

  /**
   * Whether a {@code <} followed by what stands at {@code at} opens a tag: a letter, {@code /},
   * {@code !} or {@code ?}, as in HTML. Any other {@code <} (before a space, a digit, the end) is
   * text, and must not hide what follows it up to the next {@code >}, a comment's opening included.
   */
  private static boolean startsTag(String html, int at) {
    if (at >= html.length()) {
      return false;
    }
    char next = html.charAt(at);
    return (next >= 'a' && next <= 'z')
        || (next >= 'A' && next <= 'Z')
        || next == '/'
        || next == '!'
        || next == '?';
  }

  private static String stripTags(String html) {
    StringBuilder out = new StringBuilder(html.length());
    boolean inTag = false;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (!inTag && html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        i = end < 0 ? html.length() : end + 2; // a comment may hold '>': skip to its end
        out.append(' ');
      } else if (c == '<' && !inTag && startsTag(html, i + 1)) {
        inTag = true;
        out.append(' ');
      } else if (c == '>' && inTag) {
        inTag = false;
      } else if (!inTag) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The entries of a markdown file, named {@code source} in hits; null, with a line added to {@code
   * problems}, if it is skipped (unreadable, binary, or nested too deeply to parse).
   */
  public List<Entry> parseFile(Path file, String source, List<String> problems) {
    MarkdownFiles.Content content;
    try {
      content = MarkdownFiles.read(file);
    } catch (AccessDeniedException e) {
      problems.add(source + ": permission denied, skipped");
      return null;
    } catch (IOException e) {
      problems.add(source + ": cannot read (" + e.getMessage() + "), skipped");
      return null;
    }
    if (content.problem() != null) {
      problems.add(source + ": " + content.problem());
    }
    if (content.text() == null) {
      return null;
    }
    try {
      return parse(source, content.text());
    } catch (StackOverflowError e) {
      // The parser's own recursion on some pathological input; the other files go on.
      problems.add(source + ": nested too deeply to parse, skipped");
      return null;
    }
  }
}
