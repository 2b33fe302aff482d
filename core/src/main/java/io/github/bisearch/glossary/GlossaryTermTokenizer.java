package io.github.bisearch.glossary;

import io.github.bisearch.analysis.TextNormalizer;
import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Emits one token per occurrence of an indexed glossary term, its {@linkplain Glossary#indexedKey
 * key} as the token's text: {@code Xen 是一个虚拟机监视器} becomes {@code 虚拟机 虚拟机监视器 监视器 …}.
 *
 * <p>A query then finds a glossary term, in whatever spelling, width or script, with one term
 * lookup instead of a phrase of words and another of bigrams. The whole input is read at once:
 * field values are short.
 *
 * <p>{@linkplain #concepts Made for concepts}, it emits instead the {@linkplain
 * Glossary#conceptIdsOfKey ids} of the concepts each occurrence names, stacked at one position: a
 * concept is then one term whatever its spelling or language ({@code 虚拟机} and {@code virtual
 * machine} give the same id).
 */
public final class GlossaryTermTokenizer extends Tokenizer {
  private final Glossary glossary;
  private final boolean concepts;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  private static final String[] NONE = new String[0];
  private String[] ids = NONE;
  private int nextId;
  private final StringBuilder text = new StringBuilder();
  private final char[] buffer = new char[1024];
  private final Glossary.Occurrences found = new Glossary.Occurrences();
  private int next;
  private int length;

  /** A tokenizer for the terms of {@code glossary}. */
  public GlossaryTermTokenizer(Glossary glossary) {
    this(glossary, false);
  }

  private GlossaryTermTokenizer(Glossary glossary, boolean concepts) {
    this.glossary = glossary;
    this.concepts = concepts;
  }

  /** A tokenizer for the ids of the concepts that the terms of {@code glossary} name. */
  public static GlossaryTermTokenizer concepts(Glossary glossary) {
    return new GlossaryTermTokenizer(glossary, true);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    text.setLength(0);
    for (int n = input.read(buffer); n != -1; n = input.read(buffer)) {
      text.append(buffer, 0, n);
    }
    length = text.length();
    glossary.findIndexed(TextNormalizer.normalize(text.toString()), found);
    next = 0;
    ids = NONE;
    nextId = 0;
  }

  @Override
  public boolean incrementToken() {
    if (concepts) {
      while (nextId == ids.length) {
        if (next == found.size()) {
          return false;
        }
        ids = found.ids(next++);
        nextId = 0;
      }
      clearAttributes();
      term.append(ids[nextId]);
      increment.setPositionIncrement(nextId++ == 0 ? 1 : 0);
      setOffsets(next - 1);
      return true;
    }
    if (next == found.size()) {
      return false;
    }
    clearAttributes();
    term.append(found.key(next));
    setOffsets(next++);
    return true;
  }

  private void setOffsets(int occurrence) {
    // Normalizing may change the length of rare characters: offsets are kept within the input.
    int start = Math.min(found.start(occurrence), length);
    int end = Math.max(start, Math.min(found.end(occurrence), length));
    offset.setOffset(correctOffset(start), correctOffset(end));
  }

  @Override
  public void end() throws IOException {
    super.end();
    offset.setOffset(correctOffset(length), correctOffset(length));
  }
}
