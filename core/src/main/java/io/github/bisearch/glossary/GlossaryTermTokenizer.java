package io.github.bisearch.glossary;

import io.github.bisearch.analysis.TextNormalizer;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Emits one token per occurrence of an indexed glossary term, its {@linkplain Glossary#indexedKey
 * key} as the token's text: {@code Xen 是一个虚拟机监视器} becomes {@code 虚拟机 虚拟机监视器 监视器 …}.
 *
 * <p>A query then finds a glossary term, in whatever spelling, width or script, with one term
 * lookup instead of a phrase of words and another of bigrams. The whole input is read at once:
 * field values are short.
 */
public final class GlossaryTermTokenizer extends Tokenizer {
  private final Glossary glossary;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final StringBuilder text = new StringBuilder();
  private final char[] buffer = new char[1024];
  private List<Glossary.IndexedTerm> found = List.of();
  private int next;
  private int length;

  /** A tokenizer for the terms of {@code glossary}. */
  public GlossaryTermTokenizer(Glossary glossary) {
    this.glossary = glossary;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    text.setLength(0);
    for (int n = input.read(buffer); n != -1; n = input.read(buffer)) {
      text.append(buffer, 0, n);
    }
    length = text.length();
    found = glossary.indexedTerms(TextNormalizer.normalize(text.toString()));
    next = 0;
  }

  @Override
  public boolean incrementToken() {
    if (next == found.size()) {
      return false;
    }
    clearAttributes();
    Glossary.IndexedTerm occurrence = found.get(next++);
    term.append(occurrence.key());
    // Normalizing may change the length of rare characters: offsets are kept within the input.
    int start = Math.min(occurrence.start(), length);
    int end = Math.max(start, Math.min(occurrence.end(), length));
    offset.setOffset(correctOffset(start), correctOffset(end));
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    offset.setOffset(correctOffset(length), correctOffset(length));
  }
}
