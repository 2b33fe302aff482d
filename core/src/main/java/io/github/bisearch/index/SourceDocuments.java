package io.github.bisearch.index;

import java.time.Instant;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;

/**
 * Converts the record of one indexed source, a file or a markdown text, to and from a Lucene
 * document. It shares the entries' source key, so replacing or deleting a source takes its record
 * along, and it has no searched field, so no query can find it.
 */
final class SourceDocuments {
  /** The stored fields a source document is read back from. */
  static final Set<String> STORED =
      Set.of(IndexSchema.SOURCE_KEY, IndexSchema.SOURCE, IndexSchema.SIZE, IndexSchema.MODIFIED);

  private SourceDocuments() {}

  /** The document recording {@code sourceKey}, read as {@code stamp}; null for a text. */
  static Document toDocument(String sourceKey, SourceStamp stamp) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_SOURCE, Field.Store.NO));
    doc.add(new StringField(IndexSchema.SOURCE_KEY, sourceKey, Field.Store.YES));
    EntryDocuments.addWithoutTokens(doc);
    if (stamp != null) {
      doc.add(new StoredField(IndexSchema.SOURCE, stamp.name()));
      doc.add(new StoredField(IndexSchema.SIZE, stamp.size()));
      doc.add(new StoredField(IndexSchema.MODIFIED, stamp.modified().toString()));
    }
    return doc;
  }

  /** The key of the source a stored source document records. */
  static String sourceKey(Document doc) {
    return doc.get(IndexSchema.SOURCE_KEY);
  }

  /** The stamp a stored source document records; null for a markdown text, which has none. */
  static SourceStamp stamp(Document doc) {
    IndexableField size = doc.getField(IndexSchema.SIZE);
    if (size == null) {
      return null;
    }
    return new SourceStamp(
        doc.get(IndexSchema.SOURCE),
        size.numericValue().longValue(),
        Instant.parse(doc.get(IndexSchema.MODIFIED)));
  }
}
