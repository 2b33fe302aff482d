package io.github.bisearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The term cache answers exactly as the term dictionary does, however often it is asked. */
class TermCacheTest {
  private static Directory index(String... texts) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (String text : texts) {
        Document doc = new Document();
        doc.add(new TextField("f", text, Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    return directory;
  }

  @Test
  void lookupsStatisticsAndPostingsMatchTheDictionaryOnEveryAsking() throws IOException {
    TermCache cache = new TermCache();
    try (Directory directory = index("a b c", "b c d", "c d e c");
        DirectoryReader plain = DirectoryReader.open(directory)) {
      DirectoryReader cached = cache.wrap(plain);
      assertSame(plain, TermCache.unwrap(cached));
      for (int round = 0; round < 3; round++) {
        TermsEnum terms = cached.leaves().get(0).reader().terms("f").iterator();
        assertFalse(terms.seekExact(new BytesRef("zz")));
        assertTrue(terms.seekExact(new BytesRef("c")));
        assertEquals(new BytesRef("c"), terms.term());
        assertEquals(3, terms.docFreq());
        assertEquals(4, terms.totalTermFreq());
        TermState state = terms.termState();
        PostingsEnum postings = terms.postings(null, PostingsEnum.FREQS);
        List<String> docs = new ArrayList<>();
        for (int doc = postings.nextDoc();
            doc != PostingsEnum.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          docs.add(doc + ":" + postings.freq());
        }
        assertEquals(List.of("0:1", "1:1", "2:2"), docs);

        // Positioned by a state, then enumerated onwards (a fresh block-tree enum would start
        // over from the first term here; this one steps on from where it stands).
        TermsEnum again = cached.leaves().get(0).reader().terms("f").iterator();
        again.seekExact(new BytesRef("c"), state);
        assertEquals(3, again.docFreq());
        assertEquals(new BytesRef("d"), again.next());
        assertEquals(new BytesRef("e"), again.next());

        // Found by a lookup, then enumerated onwards.
        TermsEnum onwards = cached.leaves().get(0).reader().terms("f").iterator();
        assertTrue(onwards.seekExact(new BytesRef("c")));
        assertEquals(new BytesRef("d"), onwards.next());
        assertEquals(new BytesRef("e"), onwards.next());
        assertNull(onwards.next());
      }
      IndexSearcher searcher = new IndexSearcher(cached);
      assertEquals(2, searcher.count(new TermQuery(new Term("f", "d"))));
      assertEquals(2, searcher.count(new PhraseQuery("f", "c", "d")));
      assertEquals(0, searcher.count(new PhraseQuery("f", "d", "c", "zz")));
    }
  }
}
