package io.github.bisearch.query;

import io.github.bisearch.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Query texts as the index's analysis chains see them, remembered: the same glossary terms come
 * back in query after query ({@code hypervisor} brings {@code 虚拟机监视器} every time), and segmenting
 * them again each time would cost more than the search itself.
 *
 * <p>A text's tokens do not depend on the field (every words field shares one chain, every bigram
 * field another), so one analysis serves all four fields. The memory is bounded: past {@link
 * #MAX_REMEMBERED} texts it starts over.
 */
final class Analyzed {
  static final int MAX_REMEMBERED = 50_000;

  /** One token: its term, its position among the text's tokens (gaps for stopwords), offsets. */
  record Token(String term, int position, int start, int end) {}

  /**
   * The tokens of a text; {@code simple} when every token stands at its own position, so that the
   * text is one term or one exact phrase. The query for each field is made once and shared: queries
   * are immutable, and the same instance in every query lets provenance find leaves by identity.
   */
  static final class Tokens {
    private final List<Token> list;
    private final boolean simple;
    private final Map<String, Optional<Query>> byField = new ConcurrentHashMap<>();

    Tokens(List<Token> list, boolean simple) {
      this.list = list;
      this.simple = simple;
    }

    List<Token> list() {
      return list;
    }

    boolean simple() {
      return simple;
    }

    List<String> terms() {
      List<String> terms = new ArrayList<>(list.size());
      for (Token token : list) {
        terms.add(token.term());
      }
      return terms;
    }

    /** The query matching these tokens in {@code field}: a term, a phrase, or null for none. */
    Query query(String field) {
      return byField.computeIfAbsent(field, f -> Optional.ofNullable(build(f))).orElse(null);
    }

    private Query build(String field) {
      if (list.isEmpty()) {
        return null;
      }
      if (list.size() == 1) {
        return new TermQuery(new Term(field, list.get(0).term()));
      }
      // Positions from 0, as Lucene's rewrite would make them: the query is final as built.
      int first = list.get(0).position();
      PhraseQuery.Builder phrase = new PhraseQuery.Builder();
      for (Token token : list) {
        phrase.add(new Term(field, token.term()), token.position() - first);
      }
      return phrase.build();
    }
  }

  private static final Map<String, Tokens> WORDS = new ConcurrentHashMap<>();
  private static final Map<String, Tokens> BIGRAMS = new ConcurrentHashMap<>();

  private Analyzed() {}

  /**
   * {@code text} through the words chain (segmentation, lowercasing, stopwords, stemming); from the
   * build's table for glossary texts, so that they never wait for the segmenter's dictionaries.
   */
  static Tokens words(String text) {
    Tokens tokens = WORDS.get(text);
    if (tokens == null) {
      tokens = prepared(text);
      if (tokens == null) {
        tokens = analyze(IndexSchema.wordsAnalyzer(), IndexSchema.words(IndexSchema.TEXT), text);
      }
      remember(WORDS, text, tokens);
    }
    return tokens;
  }

  /** The build's analysis of {@code text}, or null when the table lacks it. */
  static Tokens prepared(String text) {
    return Prepared.WORDS.get(text);
  }

  /** What the words chain said so far, by text (for {@link GlossaryAnalysis}). */
  static Map<String, Tokens> rememberedWords() {
    return Map.copyOf(WORDS);
  }

  /** The build's table of glossary texts, read on first need. */
  private static final class Prepared {
    static final Map<String, Tokens> WORDS = GlossaryAnalysis.load();
  }

  /** {@code text} through the Han bigram chain. */
  static Tokens bigrams(String text) {
    return lookup(
        BIGRAMS, text, IndexSchema.bigramAnalyzer(), IndexSchema.bigrams(IndexSchema.TEXT));
  }

  private static Tokens lookup(
      Map<String, Tokens> memory, String text, Analyzer analyzer, String field) {
    Tokens tokens = memory.get(text);
    if (tokens == null) {
      tokens = analyze(analyzer, field, text);
      remember(memory, text, tokens);
    }
    return tokens;
  }

  /** Puts {@code value} in a bounded memory: past {@link #MAX_REMEMBERED} it starts over. */
  static <K, V> void remember(Map<K, V> memory, K key, V value) {
    if (memory.size() >= MAX_REMEMBERED) {
      memory.clear();
    }
    memory.put(key, value);
  }

  /** Runs {@code analyzer} over {@code text}, without remembering. */
  static Tokens analyze(Analyzer analyzer, String field, String text) {
    List<Token> list = new ArrayList<>();
    boolean simple = true;
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        simple &= increment.getPositionIncrement() > 0 && length.getPositionLength() == 1;
        position += increment.getPositionIncrement();
        list.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen on a string
    }
    return new Tokens(List.copyOf(list), simple);
  }
}
