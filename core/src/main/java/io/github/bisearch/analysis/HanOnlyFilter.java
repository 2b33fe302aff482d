package io.github.bisearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Removes the combining marks, variation selectors and format characters that the tokenizer keeps
 * attached to a Han character, so that {@code 虚} with a mark still meets {@code 虚}. Only the term
 * changes; offsets still cover the original text.
 */
final class HanOnlyFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  HanOnlyFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      char[] buffer = term.buffer();
      int length = term.length();
      // Nearly every bigram is two common ideographs, which stay as they are.
      int kept = 0;
      while (kept < length && Scripts.isCommonHan(buffer[kept])) {
        kept++;
      }
      if (kept == length && kept > 0) {
        return true;
      }
      for (int i = kept; i < length; ) {
        int cp = Character.codePointAt(buffer, i, length);
        int size = Character.charCount(cp);
        if (Scripts.isHan(cp)) {
          System.arraycopy(buffer, i, buffer, kept, size);
          kept += size;
        }
        i += size;
      }
      if (kept > 0) {
        term.setLength(kept);
        return true;
      }
    }
    return false;
  }
}
