package io.github.bisearch.analysis;

import java.io.Reader;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Overlapping character bigrams of Han text, and nothing else.
 *
 * <p>{@code 虚拟机监视器} becomes {@code 虚拟 拟机 机监 监视 视器}; a Han character standing alone becomes a
 * unigram. Latin words are dropped: {@link WordsAnalyzer} handles them. A phrase of bigrams matches
 * exactly the documents that contain the query's characters in a row, whatever the word segmenter
 * made of either side.
 */
public final class BigramAnalyzer extends Analyzer {
  private static final Set<String> HAN_TYPES =
      Set.of(
          CJKBigramFilter.DOUBLE_TYPE,
          CJKBigramFilter.SINGLE_TYPE,
          StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC]);

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return ChineseVariants.fold(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new CJKBigramFilter(source, CJKBigramFilter.HAN, false);
    // After bigramming, only Han output is left in; Latin tokens keep their <ALPHANUM> type.
    result = new TypeTokenFilter(result, HAN_TYPES, true);
    result = new HanOnlyFilter(result);
    return new TokenStreamComponents(source, result);
  }
}
