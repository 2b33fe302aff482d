package io.github.bisearch.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;

/**
 * Word-level analysis of mixed Chinese and English text.
 *
 * <p>Chinese runs are segmented into words by SmartChineseAnalyzer's hidden-Markov-model segmenter;
 * Latin words are lowercased, English stopwords are dropped and the rest stemmed: plurals first,
 * then KStem; both leave Han words untouched. KStem rather than Porter: Porter folds {@code
 * distributed} and {@code distribution} (or {@code virtual} and {@code virtualization}) into one
 * stem, which costs more precision than it gains recall. Punctuation is dropped.
 *
 * <p>The tokens are smartcn's HMMChineseTokenizer's exactly; {@link WordsTokenizer} finds them
 * without the segmenter in sentences that have no Han character, which most Latin text is.
 */
public final class WordsAnalyzer extends Analyzer {
  /** English stopwords, the possessive "s" left by splitting at the apostrophe, and punctuation. */
  private static final CharArraySet STOPWORDS = buildStopwords();

  private static CharArraySet buildStopwords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    set.add("s");
    set.addAll(SmartChineseAnalyzer.getDefaultStopSet());
    return CharArraySet.unmodifiableSet(set);
  }

  /** Whether {@code word}, lowercased, is one this chain drops. */
  public static boolean isStopword(String word) {
    return STOPWORDS.contains(word);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return ChineseVariants.fold(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new WordsTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    result = new StopFilter(result, STOPWORDS);
    // Plurals first: KStem keeps a plural that its dictionary also knows as a verb (books).
    result = new EnglishMinimalStemFilter(result);
    result = new KStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
