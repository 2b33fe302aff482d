package io.github.bisearch.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * Remembers where terms are in each segment's term dictionary.
 *
 * <p>A bisearch query is wide: {@code 虚拟机 hypervisor} looks up some eighty terms (each translation
 * as words and as Han bigrams, in four fields), and the same glossary terms come back in query
 * after query. Finding a term walks the dictionary's index and decodes a block, which costs more
 * than reading the few postings a term has in a small index. Segments never change, so what a
 * lookup found (the term's state and statistics, or that the term is absent) stays true for the
 * segment's life: this cache keeps it, per segment and field, and drops it when the segment is
 * closed. Lucene 3 kept a similar cache in its term dictionary reader.
 *
 * <p>Readers are wrapped with {@link #wrap}; a wrapped reader's term enums look up the cache first
 * and only touch the real dictionary for postings, for terms not yet seen, and for enumeration.
 */
final class TermCache {
  /** Terms remembered per segment and field at most; past that, lookups are simply not cached. */
  static final int MAX_TERMS_PER_FIELD = 1 << 16;

  /**
   * A looked-up term: where it is and its statistics; {@link #ABSENT} when the segment lacks it.
   */
  private record Known(TermState state, int docFreq, long totalTermFreq) {}

  private static final Known ABSENT = new Known(null, 0, 0);

  /** Per segment core (shared by every reader of that segment), per field. */
  private final Map<Object, Map<String, Map<BytesRef, Known>>> segments = new ConcurrentHashMap<>();

  /** {@code reader} with cached term lookups; its {@link #unwrap} is {@code reader}. */
  DirectoryReader wrap(DirectoryReader reader) throws IOException {
    return new CachingDirectoryReader(reader);
  }

  /** The reader that {@link #wrap} wrapped, or {@code reader} itself. */
  static IndexReader unwrap(IndexReader reader) {
    return reader instanceof CachingDirectoryReader caching ? caching.getDelegate() : reader;
  }

  private Map<String, Map<BytesRef, Known>> segment(LeafReader leaf) {
    IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
    if (helper == null) {
      return null;
    }
    Object key = helper.getKey();
    Map<String, Map<BytesRef, Known>> fields = segments.get(key);
    if (fields == null) {
      fields = new ConcurrentHashMap<>();
      Map<String, Map<BytesRef, Known>> previous = segments.putIfAbsent(key, fields);
      if (previous != null) {
        return previous;
      }
      helper.addClosedListener(segments::remove);
    }
    return fields;
  }

  private final class CachingDirectoryReader extends FilterDirectoryReader {
    CachingDirectoryReader(DirectoryReader in) throws IOException {
      super(
          in,
          new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
              Map<String, Map<BytesRef, Known>> fields = segment(reader);
              return fields == null ? reader : new CachingLeafReader(reader, fields);
            }
          });
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
      return new CachingDirectoryReader(in);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }

  private static final class CachingLeafReader extends FilterLeafReader {
    private final Map<String, Map<BytesRef, Known>> fields;

    CachingLeafReader(LeafReader in, Map<String, Map<BytesRef, Known>> fields) {
      super(in);
      this.fields = fields;
    }

    @Override
    public Terms terms(String field) throws IOException {
      Terms terms = in.terms(field);
      if (terms == null) {
        return null;
      }
      Map<BytesRef, Known> known = fields.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
      return new FilterTerms(terms) {
        @Override
        public TermsEnum iterator() {
          return new CachingTermsEnum(in, known);
        }
      };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }

  /**
   * A terms enum that answers exact lookups from the cache and opens the real enum (which copies
   * the dictionary's file handle) only when it needs it.
   */
  private static final class CachingTermsEnum extends BaseTermsEnum {
    private final Terms terms;
    private final Map<BytesRef, Known> known;
    private TermsEnum real;

    /** Where a cached lookup left this enum; null when the real enum is positioned instead. */
    private BytesRef term;

    private Known at;
    private boolean realPositioned;

    CachingTermsEnum(Terms terms, Map<BytesRef, Known> known) {
      this.terms = terms;
      this.known = known;
    }

    private TermsEnum real() throws IOException {
      if (real == null) {
        real = terms.iterator();
      }
      return real;
    }

    /** Positions the real enum where the cache says this enum is. */
    private TermsEnum positioned() throws IOException {
      TermsEnum in = real();
      if (!realPositioned) {
        in.seekExact(term, at.state());
        realPositioned = true;
      }
      return in;
    }

    @Override
    public boolean seekExact(BytesRef text) throws IOException {
      Known found = known.get(text);
      if (found == null) {
        TermsEnum in = real();
        if (in.seekExact(text)) {
          found = new Known(in.termState(), in.docFreq(), in.totalTermFreq());
          realPositioned = true;
        } else {
          found = ABSENT;
        }
        if (known.size() < MAX_TERMS_PER_FIELD) {
          known.put(BytesRef.deepCopyOf(text), found);
        }
        if (found == ABSENT) {
          term = null;
          at = null;
          return false;
        }
        term = BytesRef.deepCopyOf(text);
        at = found;
        return true;
      }
      if (found == ABSENT) {
        term = null;
        at = null;
        return false;
      }
      term = BytesRef.deepCopyOf(text);
      at = found;
      realPositioned = false;
      return true;
    }

    @Override
    public void seekExact(BytesRef text, TermState state) throws IOException {
      term = BytesRef.deepCopyOf(text);
      Known found = known.get(text);
      boolean counted = found != null && found != ABSENT;
      at = new Known(state, counted ? found.docFreq() : -1, counted ? found.totalTermFreq() : -1);
      realPositioned = false;
    }

    @Override
    public SeekStatus seekCeil(BytesRef text) throws IOException {
      at = null;
      return real().seekCeil(text);
    }

    @Override
    public void seekExact(long ord) throws IOException {
      at = null;
      real().seekExact(ord);
    }

    @Override
    public BytesRef next() throws IOException {
      TermsEnum in = real();
      if (at != null && !realPositioned) {
        // A fresh enum positioned by state alone does not step on from there: look it up.
        in.seekExact(term);
      }
      at = null;
      return in.next();
    }

    @Override
    public BytesRef term() throws IOException {
      return at == null ? real().term() : term;
    }

    @Override
    public long ord() throws IOException {
      if (at != null && !realPositioned) {
        real().seekExact(term);
        realPositioned = true;
      }
      return real().ord();
    }

    @Override
    public int docFreq() throws IOException {
      return at == null || at.docFreq() < 0 ? positionedOrReal().docFreq() : at.docFreq();
    }

    @Override
    public long totalTermFreq() throws IOException {
      return at == null || at.totalTermFreq() < 0
          ? positionedOrReal().totalTermFreq()
          : at.totalTermFreq();
    }

    private TermsEnum positionedOrReal() throws IOException {
      return at == null ? real() : positioned();
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
      return positionedOrReal().postings(reuse, flags);
    }

    @Override
    public ImpactsEnum impacts(int flags) throws IOException {
      return positionedOrReal().impacts(flags);
    }

    @Override
    public TermState termState() throws IOException {
      return at == null ? real().termState() : at.state().clone();
    }

    @Override
    public AttributeSource attributes() {
      try {
        return real().attributes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
