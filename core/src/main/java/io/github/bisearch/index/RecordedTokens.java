package io.github.bisearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.util.ArrayUtil;

/**
 * What an analyzer made of one field value, recorded once so that a value shared by many entries (a
 * section above all) is indexed into each of their documents without being analysed again.
 *
 * <p>Recorded is everything the indexing chain reads of a token: its term, position increment and
 * offsets, and after the last token the final offset and position increment. Term frequency and
 * payload are not recorded: bisearch's chains never set them, and a stream that does is refused.
 * Replaying the tokens therefore indexes exactly what analysing the value would have.
 *
 * <p>Immutable once recorded: one instance may feed any number of documents, on any thread.
 */
final class RecordedTokens {
  private char[] terms = new char[64];
  private int[] termEnds = new int[8];
  private int[] positionIncrements = new int[8];
  private int[] startOffsets = new int[8];
  private int[] endOffsets = new int[8];
  private int count;
  private int termLength;
  private int finalOffset;
  private int finalPositionIncrement;

  private RecordedTokens() {}

  /**
   * Analyses {@code value} as the indexed field {@code field} with {@code analyzer} and records the
   * tokens.
   *
   * @throws IllegalStateException if the chain sets a term frequency or a payload
   */
  static RecordedTokens record(Analyzer analyzer, String field, String value) {
    RecordedTokens tokens = new RecordedTokens();
    try (TokenStream stream = analyzer.tokenStream(field, value)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      TermFrequencyAttribute frequency = stream.addAttribute(TermFrequencyAttribute.class);
      PayloadAttribute payload =
          stream.hasAttribute(PayloadAttribute.class)
              ? stream.getAttribute(PayloadAttribute.class)
              : null;
      stream.reset();
      while (stream.incrementToken()) {
        if (frequency.getTermFrequency() != 1
            || (payload != null && payload.getPayload() != null)) {
          throw new IllegalStateException(
              "cannot record field " + field + ": its chain sets term frequencies or payloads");
        }
        tokens.add(term, increment.getPositionIncrement(), offset);
      }
      stream.end();
      tokens.finalOffset = offset.endOffset();
      tokens.finalPositionIncrement = increment.getPositionIncrement();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen when analysing a string
    }
    return tokens;
  }

  /** No tokens, as a chain that finds nothing in {@code value} ends: after all of it. */
  static RecordedTokens none(String value) {
    RecordedTokens tokens = new RecordedTokens();
    tokens.finalOffset = value.length();
    return tokens;
  }

  private void add(CharTermAttribute term, int increment, OffsetAttribute offset) {
    if (count == termEnds.length) {
      int size = ArrayUtil.oversize(count + 1, Integer.BYTES);
      termEnds = ArrayUtil.growExact(termEnds, size);
      positionIncrements = ArrayUtil.growExact(positionIncrements, size);
      startOffsets = ArrayUtil.growExact(startOffsets, size);
      endOffsets = ArrayUtil.growExact(endOffsets, size);
    }
    terms = ArrayUtil.grow(terms, termLength + term.length());
    System.arraycopy(term.buffer(), 0, terms, termLength, term.length());
    termLength += term.length();
    termEnds[count] = termLength;
    positionIncrements[count] = increment;
    startOffsets[count] = offset.startOffset();
    endOffsets[count] = offset.endOffset();
    count++;
  }

  /** The number of tokens. */
  int size() {
    return count;
  }

  /**
   * An indexed field named {@code name} holding these tokens; its string value is {@code value},
   * the text they were recorded from.
   */
  Field field(String name, String value, FieldType type) {
    return new ReplayedField(name, value, type, this);
  }

  /** A field whose tokens come from a recording instead of its analyzer. */
  private static final class ReplayedField extends Field {
    private final RecordedTokens tokens;

    ReplayedField(String name, String value, FieldType type, RecordedTokens tokens) {
      super(name, value, type);
      this.tokens = tokens;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      // The indexing chain hands back the stream it used for this field last time, as Lucene's
      // own fields reuse theirs.
      Replay replay = reuse instanceof Replay previous ? previous : new Replay();
      replay.tokens = tokens;
      return replay;
    }
  }

  /** Replays a recording, token by token. */
  private static final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private RecordedTokens tokens;
    private int next;

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next == tokens.count) {
        return false;
      }
      clearAttributes();
      int from = next == 0 ? 0 : tokens.termEnds[next - 1];
      term.copyBuffer(tokens.terms, from, tokens.termEnds[next] - from);
      increment.setPositionIncrement(tokens.positionIncrements[next]);
      offset.setOffset(tokens.startOffsets[next], tokens.endOffsets[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(tokens.finalOffset, tokens.finalOffset);
      increment.setPositionIncrement(tokens.finalPositionIncrement);
    }
  }
}
