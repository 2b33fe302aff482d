package io.github.bisearch.index;

import io.github.bisearch.analysis.BigramAnalyzer;
import io.github.bisearch.analysis.WordsAnalyzer;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.glossary.GlossaryTermAnalyzer;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** Field names, analysis and version of a bisearch index. */
public final class IndexSchema {
  /**
   * Bumped whenever analysis or fields change in a way that makes old indexes give wrong answers.
   * Version 2 added the source documents that incremental indexing relies on: without them, files
   * deleted from a folder would never be removed. Version 4 added the glossary terms of title,
   * section and text; version 5 replaced them with the concepts they name ({@link #CONCEPTS}).
   */
  public static final String VERSION = "5";

  /** Commit user-data key holding {@link #VERSION}. */
  public static final String VERSION_KEY = "bisearch.schema";

  /**
   * Commit user-data key holding the {@linkplain Glossary#fingerprint fingerprint} of the built-in
   * glossary whose terms the index holds: another glossary would look for terms it never indexed.
   */
  public static final String GLOSSARY_KEY = "bisearch.glossary";

  /** Commit user-data key holding when the commit was made, as an ISO-8601 UTC instant. */
  public static final String COMMITTED_KEY = "bisearch.committed";

  /** What a document is: {@link #KIND_ENTRY} or {@link #KIND_SOURCE}. Indexed, not stored. */
  public static final String KIND = "kind";

  /** The kind of a document holding one entry: the only kind searches and counts see. */
  public static final String KIND_ENTRY = "entry";

  /**
   * The kind of the one document per indexed file (or markdown text) that records how the file
   * looked when it was read, so that unchanged files are skipped and files without entries are
   * remembered.
   */
  public static final String KIND_SOURCE = "source";

  public static final String ID = "id";
  public static final String SOURCE = "source";
  public static final String SOURCE_KEY = "source_key";
  public static final String LINE = "line";
  public static final String URL = "url";
  public static final String DATE = "date";
  public static final String LANG = "lang";
  public static final String LINKS = "links";

  /** A source document's file size in bytes. */
  public static final String SIZE = "size";

  /** A source document's file modification time, as an ISO-8601 UTC instant. */
  public static final String MODIFIED = "modified";

  public static final String TITLE = "title";
  public static final String SECTION = "section";
  public static final String TEXT = "text";

  /**
   * The built-in glossary's concepts named in title (counted twice: a title says more), section and
   * text, by {@linkplain Glossary#conceptIdsOfKey id}: a concept is one term here, whichever of its
   * names in either language an entry uses, so a search for it reads one list of entries.
   */
  public static final String CONCEPTS = "concepts";

  /**
   * How many times the concepts of {@code field} (title, section or text) are added to {@link
   * #CONCEPTS}: its weight there, as a term's frequency. A title counts twice (three times measured
   * no better on the relevance sets: {@code benchmarks/RELEVANCE.md}).
   */
  public static int conceptWeight(String field) {
    return field.equals(TITLE) ? 2 : 1;
  }

  /** The stored text fields that are also searched, in the order snippets prefer them. */
  public static final List<String> SEARCHED = List.of(TEXT, TITLE, SECTION);

  private static final String WORDS_SUFFIX = ".w";
  private static final String BIGRAMS_SUFFIX = ".bg";
  private static final String GLOSSARY_TERMS_SUFFIX = ".g";

  private IndexSchema() {}

  /** The field holding {@code field}'s words. */
  public static String words(String field) {
    return field + WORDS_SUFFIX;
  }

  /** The field holding {@code field}'s Han bigrams. */
  public static String bigrams(String field) {
    return field + BIGRAMS_SUFFIX;
  }

  /**
   * The name under which queries stand for the built-in glossary's terms in {@code field}, one term
   * each by its {@linkplain Glossary#indexedKey key}. The index holds no such field (it holds the
   * concepts the terms name, {@link #CONCEPTS}); highlighting finds these terms in the stored text
   * of the hits shown, as {@link Glossary#indexedTerms} finds them.
   */
  public static String glossaryTerms(String field) {
    return field + GLOSSARY_TERMS_SUFFIX;
  }

  /** Whether {@code indexed} is a field of Han bigrams. */
  public static boolean isBigrams(String indexed) {
    return indexed.endsWith(BIGRAMS_SUFFIX);
  }

  /** Whether {@code indexed} names the glossary terms of a field ({@link #glossaryTerms}). */
  public static boolean isGlossaryTerms(String indexed) {
    return indexed.endsWith(GLOSSARY_TERMS_SUFFIX);
  }

  /** The fingerprint of the glossary whose terms an index of this bisearch holds. */
  public static String glossaryFingerprint() {
    return GlossaryHolder.FINGERPRINT;
  }

  private static final class GlossaryHolder {
    static final String FINGERPRINT = Glossary.builtInFingerprint();
  }

  /** The stored field whose text the indexed field {@code indexed} was made from. */
  public static String storedFieldOf(String indexed) {
    int dot = indexed.lastIndexOf('.');
    return dot < 0 ? indexed : indexed.substring(0, dot);
  }

  /**
   * The analyzer for every indexed field: words by default, bigrams for {@code .bg} fields, concept
   * ids for {@link #CONCEPTS}.
   */
  public static Analyzer analyzer() {
    return AnalyzerHolder.INDEX;
  }

  /** The shared words analyzer. */
  public static Analyzer wordsAnalyzer() {
    return AnalyzerHolder.WORDS;
  }

  /** The shared bigram analyzer. */
  public static Analyzer bigramAnalyzer() {
    return AnalyzerHolder.BIGRAMS;
  }

  private static final class AnalyzerHolder {
    static final Analyzer WORDS = new WordsAnalyzer();
    static final Analyzer BIGRAMS = new BigramAnalyzer();
    static final Analyzer CONCEPT_IDS = new GlossaryTermAnalyzer.Concepts();
    static final Analyzer INDEX =
        new PerFieldAnalyzerWrapper(
            WORDS,
            Map.of(
                bigrams(TITLE),
                BIGRAMS,
                bigrams(SECTION),
                BIGRAMS,
                bigrams(TEXT),
                BIGRAMS,
                CONCEPTS,
                CONCEPT_IDS));
  }
}
