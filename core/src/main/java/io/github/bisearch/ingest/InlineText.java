package io.github.bisearch.ingest;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The inline content of a block as plain text interleaved with links: what a reader sees, without
 * markup, HTML tags or comments.
 */
final class InlineText {
  /** A piece of inline content: plain text, or a link with its visible text. */
  record Segment(String text, String url) {
    boolean isLink() {
      return url != null;
    }
  }

  /** Inline nesting followed by recursion; deeper text is gathered flat. */
  private static final int MAX_DEPTH = 64;

  private final List<Segment> segments = new ArrayList<>();
  private int depth;
  private final StringBuilder pending = new StringBuilder();
  private final ReferenceRepository references;

  private InlineText(ReferenceRepository references) {
    this.references = references;
  }

  /** Collects the inline children of {@code block}. */
  static List<Segment> of(Node block) {
    InlineText collector =
        new InlineText(
            block.getDocument() == null ? null : Parser.REFERENCES.get(block.getDocument()));
    collector.children(block);
    collector.flush();
    return collector.segments;
  }

  /** The plain text of {@code segments}, links replaced by their visible text. */
  static String plain(List<Segment> segments) {
    StringBuilder text = new StringBuilder();
    for (Segment segment : segments) {
      text.append(segment.text());
    }
    return collapseSpaces(withoutComments(text));
  }

  /**
   * Removes {@code <!-- … -->} that the parser left as text: CommonMark's older rules reject a
   * comment holding {@code --} or starting with {@code >}, but readers (and GitHub) still hide it.
   * An unclosed comment hides the rest.
   */
  static CharSequence withoutComments(StringBuilder text) {
    for (int open = text.indexOf("<!--"); open >= 0; open = text.indexOf("<!--", open)) {
      int close = text.indexOf("-->", open + 4);
      text.replace(open, close < 0 ? text.length() : close + 3, " ");
    }
    return text;
  }

  /** Collapses runs of white space (of any script) into one ASCII space and trims. */
  static String collapseSpaces(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private void children(Node parent) {
    if (++depth > MAX_DEPTH) {
      flatText(parent);
    } else {
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        node(child);
      }
    }
    depth--;
  }

  /** The text below {@code parent}, gathered without recursion: for absurdly deep nesting. */
  private void flatText(Node parent) {
    ArrayDeque<Node> pending = new ArrayDeque<>();
    for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
      pending.push(child);
    }
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof Text text) {
        this.pending.append(text.getChars().unescape());
      } else if (!(node instanceof HtmlInline || node instanceof HtmlInlineComment)) {
        for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
          pending.push(child);
        }
      }
    }
  }

  private void node(Node node) {
    if (node instanceof Text text) {
      pending.append(text.getChars().unescape());
    } else if (node instanceof Code code) {
      pending.append(code.getText().unescape());
    } else if (node instanceof HtmlEntity entity) {
      pending.append(entity.getChars().unescape());
    } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      pending.append(' ');
    } else if (node instanceof HtmlInlineComment || node instanceof HtmlInline) {
      // Markup, not text.
    } else if (node instanceof Image || node instanceof ImageRef) {
      // An image's alt text is rarely what a reader would call the entry's text.
    } else if (node instanceof Link link) {
      link(textOf(link), link.getUrl().unescape());
    } else if (node instanceof LinkRef ref) {
      Reference target =
          references == null ? null : references.get(references.normalizeKey(ref.getReference()));
      String text = textOf(ref);
      if (text.isEmpty()) {
        text = ref.getReference().unescape();
      }
      if (target != null) {
        link(text, target.getUrl().unescape());
      } else {
        pending.append(ref.getChars().unescape());
      }
    } else if (node instanceof AutoLink auto) {
      link(auto.getText().unescape(), auto.getUrl().unescape());
    } else if (node instanceof MailLink mail) {
      pending.append(mail.getText().unescape());
    } else {
      children(node); // emphasis, strong emphasis and other containers
    }
  }

  private String textOf(Node link) {
    InlineText inner = new InlineText(references);
    inner.children(link);
    inner.flush();
    return plain(inner.segments);
  }

  private void link(String text, String url) {
    flush();
    segments.add(new Segment(text, url));
  }

  private void flush() {
    if (pending.length() > 0) {
      segments.add(new Segment(pending.toString(), null));
      pending.setLength(0);
    }
  }
}
