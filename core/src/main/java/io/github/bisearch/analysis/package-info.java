/**
 * Text to tokens: the two analysis chains every indexed field and every query goes through.
 *
 * <p>{@link io.github.bisearch.analysis.WordsAnalyzer} segments Chinese into words with
 * SmartChineseAnalyzer's HMM segmenter and treats Latin words the English way (stopwords, KStem
 * stemming). {@link io.github.bisearch.analysis.BigramAnalyzer} emits overlapping Han character
 * bigrams only: a recall path that does not depend on how a query and a document happened to be
 * segmented. Both fold full-width forms to half-width and Traditional characters to Simplified
 * before tokenizing, so offsets always point into the original text.
 */
package io.github.bisearch.analysis;
