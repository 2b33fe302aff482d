package io.github.bisearch.index;

import io.github.bisearch.ingest.Entry;
import io.github.bisearch.ingest.Link;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;

/** Converts entries to Lucene documents. */
public final class EntryDocuments {
  /** Title and text words: with offsets, which snippets and highlights are cut from. */
  private static final FieldType ANALYZED =
      analyzedType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /**
   * Section and url, and all bigrams: positions for phrases, no offsets. No snippet is cut from a
   * section or url (a section is shared by many entries, so its offsets would cost much and say
   * nothing); a bigram phrase spells the Han characters it matched, which highlighting finds in the
   * stored text of the few hits shown.
   */
  private static final FieldType POSITIONED =
      analyzedType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  /**
   * Concepts: frequencies for scoring, no positions (a concept is matched whole, never in a phrase;
   * highlighting finds its names again in the stored text of the hits shown).
   */
  private static final FieldType TERMS = analyzedType(IndexOptions.DOCS_AND_FREQS);

  private EntryDocuments() {}

  private static FieldType analyzedType(IndexOptions options) {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }

  /**
   * A stable id for an entry: the same file, line and title always give the same id, so indexing a
   * file again replaces its entries instead of adding copies.
   */
  public static String id(String sourceKey, Entry entry) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String key = sourceKey + '\n' + entry.line() + '\n' + entry.title();
      byte[] hash = digest.digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /** The document for {@code entry}, read from the file identified by {@code sourceKey}. */
  public static Document toDocument(String sourceKey, Entry entry) {
    Document doc = entryFields(sourceKey, entry);
    addText(doc, IndexSchema.TITLE, entry.title());
    addText(doc, IndexSchema.SECTION, entry.section());
    addText(doc, IndexSchema.TEXT, entry.text());
    return doc;
  }

  /**
   * The documents for {@code entries}, in order, read from the file identified by {@code
   * sourceKey}: each indexes exactly what {@link #toDocument} gives for its entry. A title, section
   * or text that an entry shares with the entry before or after it (a section is shared by every
   * entry under its heading) is analysed once for all of them; each document replays the recorded
   * tokens. Analysis happens here, in the calling thread, which should be the thread that then adds
   * the documents.
   */
  public static List<Document> toDocuments(String sourceKey, List<Entry> entries) {
    List<Document> docs = new ArrayList<>(entries.size());
    Shared title = new Shared(IndexSchema.TITLE, Entry::title);
    Shared section = new Shared(IndexSchema.SECTION, Entry::section);
    Shared text = new Shared(IndexSchema.TEXT, Entry::text);
    for (int i = 0; i < entries.size(); i++) {
      Document doc = entryFields(sourceKey, entries.get(i));
      title.add(doc, entries, i);
      section.add(doc, entries, i);
      text.add(doc, entries, i);
      docs.add(doc);
    }
    return docs;
  }

  /** The fields of an entry's document other than title, section and text. */
  private static Document entryFields(String sourceKey, Entry entry) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_ENTRY, Field.Store.NO));
    doc.add(new StringField(IndexSchema.ID, id(sourceKey, entry), Field.Store.YES));
    doc.add(new StringField(IndexSchema.SOURCE_KEY, sourceKey, Field.Store.NO));
    doc.add(new StoredField(IndexSchema.SOURCE, entry.source()));
    doc.add(new StoredField(IndexSchema.LINE, entry.line()));
    doc.add(new StringField(IndexSchema.LANG, entry.language().code(), Field.Store.YES));
    if (entry.url() != null) {
      doc.add(new StoredField(IndexSchema.URL, entry.url()));
      doc.add(new Field(IndexSchema.words(IndexSchema.URL), urlWords(entry.url()), POSITIONED));
    } else {
      addWithoutTokens(doc, IndexSchema.words(IndexSchema.URL));
    }
    if (entry.date() != null) {
      doc.add(new StringField(IndexSchema.DATE, entry.date(), Field.Store.YES));
    }
    for (Link link : entry.links()) {
      doc.add(new StoredField(IndexSchema.LINKS, link.text() + '\t' + link.url()));
    }
    return doc;
  }

  /** The searchable part of a url: without its scheme and {@code www.}. */
  static String urlWords(String url) {
    String rest = url;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      rest = rest.substring(scheme + 3);
    }
    return rest.startsWith("www.") ? rest.substring(4) : rest;
  }

  /** The entry a stored document was made from. */
  public static Entry fromDocument(Document doc) {
    List<Link> links = new ArrayList<>();
    for (IndexableField field : doc.getFields(IndexSchema.LINKS)) {
      String value = field.stringValue();
      int tab = value.indexOf('\t');
      links.add(new Link(value.substring(0, tab), value.substring(tab + 1)));
    }
    return new Entry(
        doc.get(IndexSchema.TITLE),
        doc.get(IndexSchema.URL),
        doc.get(IndexSchema.SECTION),
        doc.get(IndexSchema.TEXT),
        doc.get(IndexSchema.DATE),
        links,
        doc.get(IndexSchema.SOURCE),
        doc.getField(IndexSchema.LINE).numericValue().intValue());
  }

  private static void addText(Document doc, String field, String value) {
    doc.add(new StoredField(field, value));
    if (!value.isEmpty()) {
      String words = IndexSchema.words(field);
      String bigrams = IndexSchema.bigrams(field);
      doc.add(new Field(words, value, indexedType(words)));
      if (mayHaveHan(value)) {
        doc.add(new Field(bigrams, value, indexedType(bigrams)));
      } else {
        // What the bigram chain would make of it, without running it; the value stays the field's.
        doc.add(RecordedTokens.none(value).field(bigrams, value, indexedType(bigrams)));
      }
      addConcepts(doc, field, value);
    } else {
      addWithoutTokens(doc, IndexSchema.words(field));
      addWithoutTokens(doc, IndexSchema.bigrams(field));
    }
  }

  /**
   * Whether {@code value} may hold a Han character, before or after folding: false only when every
   * character is below U+2E80, where no Han character and nothing that folds to one lies
   * (full-width forms and surrogates are above it).
   */
  static boolean mayHaveHan(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= '\u2E80') {
        return true;
      }
    }
    return false;
  }

  /** The indexed fields that are scored, each with a length per document. */
  private static final List<String> SCORED =
      List.of(
          IndexSchema.words(IndexSchema.TITLE),
          IndexSchema.bigrams(IndexSchema.TITLE),
          IndexSchema.words(IndexSchema.SECTION),
          IndexSchema.bigrams(IndexSchema.SECTION),
          IndexSchema.words(IndexSchema.TEXT),
          IndexSchema.bigrams(IndexSchema.TEXT),
          IndexSchema.words(IndexSchema.URL),
          IndexSchema.CONCEPTS);

  /**
   * Adds the indexed field {@code indexed} to {@code doc} with no tokens: it matches nothing, but
   * the document has a length (zero) for it. When every document of a segment has a length for a
   * field, Lucene stores the lengths densely, one byte per document, and scoring reads a document's
   * length directly instead of first finding the document in a sparse list; a million-entry index
   * has a thousand source documents, and entries without a section or url.
   */
  static void addWithoutTokens(Document doc, String indexed) {
    doc.add(new Field(indexed, "", indexedType(indexed)));
  }

  /** Adds every scored field to {@code doc}, a document that has none, with no tokens. */
  static void addWithoutTokens(Document doc) {
    for (String indexed : SCORED) {
      addWithoutTokens(doc, indexed);
    }
  }

  /** The concepts of a title, section or text, as many times as the field weighs. */
  private static void addConcepts(Document doc, String field, String value) {
    if (IndexSchema.conceptWeight(field) == 1) {
      doc.add(new Field(IndexSchema.CONCEPTS, value, TERMS));
    } else {
      // Found once, indexed as many times as the field weighs.
      addConcepts(
          doc,
          field,
          value,
          RecordedTokens.record(IndexSchema.analyzer(), IndexSchema.CONCEPTS, value));
    }
  }

  /** The recorded concepts of a title, section or text, as many times as the field weighs. */
  private static void addConcepts(
      Document doc, String field, String value, RecordedTokens concepts) {
    for (int i = IndexSchema.conceptWeight(field); i > 0; i--) {
      doc.add(concepts.field(IndexSchema.CONCEPTS, value, TERMS));
    }
  }

  /**
   * The type of {@code indexed}: a words or bigrams field of title, section or text, or concepts.
   */
  static FieldType indexedType(String indexed) {
    if (indexed.equals(IndexSchema.CONCEPTS)) {
      return TERMS;
    }
    if (IndexSchema.isBigrams(indexed)) {
      return POSITIONED;
    }
    String stored = IndexSchema.storedFieldOf(indexed);
    return stored.equals(IndexSchema.SECTION) || stored.equals(IndexSchema.URL)
        ? POSITIONED
        : ANALYZED;
  }

  /**
   * One of the text fields of a run of documents, with the tokens of the last value that was shared
   * with a neighbouring entry.
   */
  private static final class Shared {
    private final String field;
    private final Function<Entry, String> of;
    private final String words;
    private final String bigrams;
    private final FieldType wordsType;
    private final FieldType bigramsType;
    private String value;
    private RecordedTokens wordTokens;
    private RecordedTokens bigramTokens;
    private RecordedTokens conceptTokens;

    Shared(String field, Function<Entry, String> of) {
      this.field = field;
      this.of = of;
      this.words = IndexSchema.words(field);
      this.bigrams = IndexSchema.bigrams(field);
      this.wordsType = indexedType(words);
      this.bigramsType = indexedType(bigrams);
    }

    /**
     * Adds the fields of {@code entries.get(i)} to {@code doc}, replaying recorded tokens when the
     * value is also the one before or after it.
     */
    void add(Document doc, List<Entry> entries, int i) {
      String current = of.apply(entries.get(i));
      boolean shared =
          (i > 0 && current.equals(of.apply(entries.get(i - 1))))
              || (i + 1 < entries.size() && current.equals(of.apply(entries.get(i + 1))));
      if (current.isEmpty() || !shared) {
        addText(doc, field, current);
        return;
      }
      doc.add(new StoredField(field, current));
      if (!current.equals(value)) {
        Analyzer analyzer = IndexSchema.analyzer();
        wordTokens = RecordedTokens.record(analyzer, words, current);
        bigramTokens = RecordedTokens.record(analyzer, bigrams, current);
        conceptTokens = RecordedTokens.record(analyzer, IndexSchema.CONCEPTS, current);
        value = current;
      }
      doc.add(wordTokens.field(words, current, wordsType));
      doc.add(bigramTokens.field(bigrams, current, bigramsType));
      addConcepts(doc, field, current, conceptTokens);
    }
  }
}
