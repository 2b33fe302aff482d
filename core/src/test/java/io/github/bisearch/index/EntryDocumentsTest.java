package io.github.bisearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.RandomText;
import io.github.bisearch.ingest.Entry;
import io.github.bisearch.ingest.Link;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Documents made for a whole file ({@link EntryDocuments#toDocuments}), which analyse a value
 * shared by neighbouring entries once and replay its tokens, index exactly what documents made
 * entry by entry ({@link EntryDocuments#toDocument}) index: the same terms with the same
 * frequencies, positions, offsets and norms in every document, and the same stored fields.
 *
 * <p>Replay a failure with {@code -Dtests.seed=N}, N being the seed in its message.
 */
class EntryDocumentsTest {
  private static final Analyzer ANALYZER = IndexSchema.analyzer();

  /** Values that end in stopwords, fold, or change length when folded, among plain ones. */
  private static final List<String> HAND_WRITTEN =
      List.of(
          "Projects > 虚拟机 Virtual Machines",
          "開源軟體 > 雲計算 the of",
          "ｶﾞｷﾞﾊﾟ ＫＵＢＥＲＮＥＴＥＳ 容器编排",
          "the a of and",
          "Xen 是一个虚拟机监视器，用于 real-time hypervisor.",
          "中",
          "docker",
          "\uD83D\uDE00 emoji 表情 \uD800 lone");

  @Test
  void recordedTokensReplayWhatTheAnalyzerMakes() throws IOException {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    List<String> values = new ArrayList<>(HAND_WRITTEN);
    for (int i = 0; i < 300; i++) {
      values.add(random.text());
    }
    for (String field : List.of("title", "section", "text")) {
      for (String indexed :
          List.of(
              IndexSchema.words(field),
              IndexSchema.bigrams(field),
              IndexSchema.glossaryTerms(field))) {
        for (String value : values) {
          String where =
              String.format(
                  Locale.ROOT,
                  "seed=%d field=%s value=%s",
                  seed,
                  indexed,
                  RandomText.describe(value));
          RecordedTokens tokens = RecordedTokens.record(ANALYZER, indexed, value);
          IndexableField replayed =
              tokens.field(indexed, value, EntryDocuments.indexedType(indexed));
          assertEquals(value, replayed.stringValue(), where);
          List<String> expected = tokens(ANALYZER.tokenStream(indexed, value));
          // Twice through the same stream, as the indexing chain reuses it for the next document.
          TokenStream stream = replayed.tokenStream(ANALYZER, null);
          assertEquals(expected, tokens(stream), where);
          assertEquals(expected, tokens(replayed.tokenStream(ANALYZER, stream)), where);
          assertEquals(expected.size() - 1, tokens.size(), where);
        }
      }
    }
  }

  /** Each token as term, position increment and offsets; then the final increment and offset. */
  private static List<String> tokens(TokenStream stream) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (stream) {
      CharTermAttribute term = stream.getAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.getAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.getAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(
            term
                + " +"
                + increment.getPositionIncrement()
                + " ["
                + offset.startOffset()
                + ","
                + offset.endOffset()
                + ")");
      }
      stream.end();
      tokens.add("end +" + increment.getPositionIncrement() + " " + offset.endOffset());
    }
    return tokens;
  }

  @Test
  void textWithoutHanNeedsNoBigramAnalysis() throws IOException {
    // Entries skip the bigram chain for values that mayHaveHan rejects: the chain must make
    // nothing of them, whatever the character.
    String bigrams = IndexSchema.bigrams(IndexSchema.TEXT);
    for (char c = 0; c < '\u2E80'; c++) {
      String value = "Docker " + c + "run " + c + c;
      assertFalse(EntryDocuments.mayHaveHan(value));
      assertEquals(1, tokens(ANALYZER.tokenStream(bigrams, value)).size(), "U+" + (int) c);
    }
    assertTrue(EntryDocuments.mayHaveHan("Docker 容器"));
    assertTrue(EntryDocuments.mayHaveHan("ＡＢＣ")); // full-width forms are checked by the chain
    assertTrue(EntryDocuments.mayHaveHan("\uD840\uDC00")); // so are surrogates
  }

  @Test
  void fileDocumentsIndexWhatEntryDocumentsIndex() throws IOException {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    List<List<Entry>> files = new ArrayList<>();
    for (int f = 0; f < 8; f++) {
      files.add(file(random, "file" + f + ".md"));
    }
    int replayed = 0;
    try (Directory byEntry = new ByteBuffersDirectory();
        Directory byFile = new ByteBuffersDirectory()) {
      try (IndexWriter entryWriter = writer(byEntry);
          IndexWriter fileWriter = writer(byFile)) {
        for (List<Entry> file : files) {
          String key = "/docs/" + file.get(0).source();
          List<Document> single = new ArrayList<>();
          for (Entry entry : file) {
            single.add(EntryDocuments.toDocument(key, entry));
          }
          List<Document> whole = EntryDocuments.toDocuments(key, file);
          for (Document doc : whole) {
            for (IndexableField field : doc) {
              replayed += field.getClass() == Field.class ? 0 : 1;
            }
          }
          entryWriter.addDocuments(single);
          fileWriter.addDocuments(whole);
        }
        entryWriter.forceMerge(1);
        fileWriter.forceMerge(1);
      }
      assertTrue(replayed > 1000, "too few replayed fields to prove anything: " + replayed);
      try (DirectoryReader expected = DirectoryReader.open(byEntry);
          DirectoryReader actual = DirectoryReader.open(byFile)) {
        assertSameIndex(expected, actual, "seed=" + seed);
      }
    }
  }

  private static IndexWriter writer(Directory directory) throws IOException {
    return new IndexWriter(directory, new IndexWriterConfig(ANALYZER));
  }

  /**
   * A file's entries: sections in runs, as under headings (some empty, some hand-written), titles
   * and texts now and then the same as the entry before's, as a paragraph's title is its heading.
   */
  private static List<Entry> file(RandomText random, String source) {
    Random choices = random.random();
    List<Entry> entries = new ArrayList<>();
    String section = "";
    String title = "title";
    String text = "text";
    for (int line = 1; line <= 60 + choices.nextInt(60); line++) {
      if (choices.nextInt(8) == 0) {
        int kind = choices.nextInt(4);
        section =
            kind == 0
                ? ""
                : kind == 1 ? pick(choices, HAND_WRITTEN) : RandomText.oneLine(random.text());
      }
      if (choices.nextInt(3) > 0) {
        title = choices.nextInt(4) == 0 ? pick(choices, HAND_WRITTEN) : random.shortText();
      }
      if (choices.nextInt(5) > 0) {
        text = choices.nextInt(4) == 0 ? pick(choices, HAND_WRITTEN) : random.text();
      }
      String url = choices.nextBoolean() ? "https://example.org/p/" + line : null;
      List<Link> links =
          choices.nextInt(4) == 0 ? List.of(new Link("more", "https://example.org/m")) : List.of();
      entries.add(new Entry(title, url, section, text, null, links, source, line));
    }
    return entries;
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Every field's terms, postings (positions, offsets, payloads) and norms; every stored field. */
  static void assertSameIndex(DirectoryReader expected, DirectoryReader actual, String where)
      throws IOException {
    assertEquals(1, expected.leaves().size(), where);
    assertEquals(1, actual.leaves().size(), where);
    LeafReader want = expected.leaves().get(0).reader();
    LeafReader got = actual.leaves().get(0).reader();
    assertEquals(want.maxDoc(), got.maxDoc(), where);
    assertEquals(want.getFieldInfos().size(), got.getFieldInfos().size(), where);
    for (FieldInfo info : want.getFieldInfos()) {
      String field = info.name;
      String at = where + " field=" + field;
      FieldInfo other = got.getFieldInfos().fieldInfo(field);
      assertNotNull(other, at);
      assertEquals(info.getIndexOptions(), other.getIndexOptions(), at);
      assertEquals(info.hasNorms(), other.hasNorms(), at);
      assertEquals(info.hasPayloads(), other.hasPayloads(), at);
      if (info.getIndexOptions() != IndexOptions.NONE) {
        assertSamePostings(want.terms(field), got.terms(field), at);
      }
      if (info.hasNorms()) {
        NumericDocValues wantNorms = want.getNormValues(field);
        NumericDocValues gotNorms = got.getNormValues(field);
        for (int doc = wantNorms.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = wantNorms.nextDoc()) {
          assertEquals(doc, gotNorms.nextDoc(), at);
          assertEquals(wantNorms.longValue(), gotNorms.longValue(), at + " doc=" + doc);
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, gotNorms.nextDoc(), at);
      }
    }
    StoredFields wantStored = want.storedFields();
    StoredFields gotStored = got.storedFields();
    for (int doc = 0; doc < want.maxDoc(); doc++) {
      assertEquals(
          stored(wantStored.document(doc)), stored(gotStored.document(doc)), where + " doc=" + doc);
    }
  }

  private static List<String> stored(Document doc) {
    List<String> fields = new ArrayList<>();
    for (IndexableField field : doc) {
      fields.add(field.name() + "=" + field.stringValue() + "/" + field.numericValue());
    }
    return fields;
  }

  private static void assertSamePostings(Terms want, Terms got, String where) throws IOException {
    assertNotNull(want, where);
    assertNotNull(got, where);
    assertEquals(want.size(), got.size(), where);
    assertEquals(want.getSumTotalTermFreq(), got.getSumTotalTermFreq(), where);
    TermsEnum wantTerms = want.iterator();
    TermsEnum gotTerms = got.iterator();
    PostingsEnum wantPostings = null;
    PostingsEnum gotPostings = null;
    for (BytesRef term = wantTerms.next(); term != null; term = wantTerms.next()) {
      String at = where + " term=" + RandomText.describe(term.utf8ToString());
      assertEquals(term, gotTerms.next(), at);
      assertEquals(wantTerms.docFreq(), gotTerms.docFreq(), at);
      assertEquals(wantTerms.totalTermFreq(), gotTerms.totalTermFreq(), at);
      wantPostings = wantTerms.postings(wantPostings, PostingsEnum.ALL);
      gotPostings = gotTerms.postings(gotPostings, PostingsEnum.ALL);
      for (int doc = wantPostings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = wantPostings.nextDoc()) {
        String in = at + " doc=" + doc;
        assertEquals(doc, gotPostings.nextDoc(), in);
        assertEquals(wantPostings.freq(), gotPostings.freq(), in);
        for (int i = 0; i < wantPostings.freq(); i++) {
          assertEquals(wantPostings.nextPosition(), gotPostings.nextPosition(), in);
          assertEquals(wantPostings.startOffset(), gotPostings.startOffset(), in);
          assertEquals(wantPostings.endOffset(), gotPostings.endOffset(), in);
          assertEquals(wantPostings.getPayload(), gotPostings.getPayload(), in);
        }
      }
      assertEquals(DocIdSetIterator.NO_MORE_DOCS, gotPostings.nextDoc(), at);
    }
    assertNull(gotTerms.next(), where);
    assertFalse(want.hasPayloads(), where);
  }
}
