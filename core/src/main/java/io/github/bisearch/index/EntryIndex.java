package io.github.bisearch.index;

import io.github.bisearch.BiSearchException;
import io.github.bisearch.IndexStats;
import io.github.bisearch.ingest.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * A Lucene index of entries: writes replace a file's entries as a whole, commits record the schema
 * version and time, and searches run on a point-in-time searcher that is refreshed after each
 * write.
 *
 * <p>Besides its entries, each indexed source (a file or a markdown text) has one source document
 * recording how the file looked when it was read. Source documents match no search and are left out
 * of {@link #size()} and {@link #entries()}.
 *
 * <p>Thread-safe. The writer is opened on the first write only, so a read-only directory can be
 * searched.
 */
public final class EntryIndex implements AutoCloseable {
  /**
   * Searchers without Lucene's query cache: bisearch steps many small per-concept clauses through a
   * few documents, and caching their full match sets costs more than it saves (and serializes
   * threads on the cache's lock).
   */
  private static final SearcherFactory SEARCHERS =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setQueryCache(null);
          return searcher;
        }
      };

  /** Every entry document. */
  static final Query ENTRIES = new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ENTRY));

  /** Every source document. */
  static final Query SOURCES = new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_SOURCE));

  private final Directory directory;
  private final String name;
  private IndexWriter writer;
  private volatile SearcherManager searchers;

  /**
   * Memory for documents not yet flushed to a segment: an eighth of the heap, between 16 and 64 MB.
   * Larger flushes write fewer segments to merge later, but a commit waits for the buffer to be
   * written, mostly by one thread (256 MB measured no faster on a million entries, with pauses of 2
   * to 3 s at each commit); a small heap keeps room for the rest of the application.
   */
  static final double RAM_BUFFER_MB =
      Math.max(16, Math.min(64, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024)));

  private final TermCache termCache = new TermCache();

  /** The latest searcher made by {@link #withTermCache}. */
  private volatile IndexSearcher cachedSearcher;

  /** Threads one search of a large index may use ({@link SlicedSearcher}). */
  private volatile int searchThreads = SlicedSearcher.defaultThreads();

  private EntryIndex(Directory directory, String name) {
    this.directory = directory;
    this.name = name;
  }

  /** An index held in memory only. */
  public static EntryIndex inMemory() {
    return new EntryIndex(new ByteBuffersDirectory(), "in-memory index");
  }

  /**
   * An index held in memory, starting from a snapshot written by {@link #writeSnapshot}.
   *
   * @throws BiSearchException if {@code in} holds no snapshot, or one written by another version of
   *     bisearch
   */
  public static EntryIndex fromSnapshot(InputStream in) {
    String name = "index snapshot";
    EntryIndex index;
    try {
      index = new EntryIndex(IndexSnapshot.read(in), name);
    } catch (IOException e) {
      throw new BiSearchException("cannot read " + name + ": " + e.getMessage(), e);
    }
    try {
      index.checkSchema(false);
    } catch (IOException e) {
      index.close();
      throw new BiSearchException("cannot read " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    return index;
  }

  /**
   * Opens the index in {@code path}.
   *
   * @param create whether to start a new index when {@code path} holds none
   * @throws BiSearchException if there is no index and {@code create} is false, or the index was
   *     not written by this version of bisearch
   */
  public static EntryIndex open(Path path, boolean create) {
    if (!create && !Files.isDirectory(path)) {
      throw new BiSearchException(
          "no index at "
              + path
              + ": build one with 'search-cli index --index "
              + path
              + " PATH...'");
    }
    try {
      if (create) {
        Files.createDirectories(path);
      }
      EntryIndex index = new EntryIndex(FSDirectory.open(path), path.toString());
      try {
        index.checkSchema(create);
        if (create) {
          index.checkOnlyIndexFiles(path);
        }
      } catch (RuntimeException | IOException e) {
        index.directory.close();
        throw e;
      }
      return index;
    } catch (CorruptIndexException e) {
      throw new BiSearchException(
          "index at "
              + path
              + " is damaged ("
              + e.getMessage()
              + "); reindex with 'search-cli index --index NEW_DIR PATH...'",
          e);
    } catch (AccessDeniedException e) {
      throw new BiSearchException(
          "cannot create index directory " + path + ": permission denied", e);
    } catch (FileAlreadyExistsException e) {
      throw new BiSearchException("cannot open index at " + path + ": not a directory", e);
    } catch (FileSystemException e) {
      String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
      throw new BiSearchException("cannot open index at " + path + ": " + reason, e);
    } catch (IOException e) {
      throw new BiSearchException("cannot open index at " + path + ": " + e.getMessage(), e);
    }
  }

  private void checkSchema(boolean create) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      if (!create) {
        throw new BiSearchException(
            "no index at "
                + name
                + ": build one with 'search-cli index --index "
                + name
                + " PATH...'");
      }
      return;
    }
    Map<String, String> userData;
    try {
      userData = SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
      throw incompatible("it was written by a different Lucene version");
    }
    String version = userData.get(IndexSchema.VERSION_KEY);
    if (version == null) {
      throw new BiSearchException(
          name
              + " holds a Lucene index that bisearch did not write: choose another directory for"
              + " 'search-cli index --index DIR PATH...'");
    }
    if (!version.equals(IndexSchema.VERSION)) {
      throw incompatible(
          "it has schema version " + version + ", this bisearch needs " + IndexSchema.VERSION);
    }
    if (!IndexSchema.glossaryFingerprint().equals(userData.get(IndexSchema.GLOSSARY_KEY))) {
      throw incompatible("it holds the terms of another version of the built-in glossary");
    }
  }

  /**
   * Refuses to write an index into a folder that holds other things: a mistyped {@code --index}
   * must not scatter index files among someone's documents. Lucene's own files (left by an
   * interrupted first run) are fine.
   */
  private void checkOnlyIndexFiles(Path path) throws IOException {
    if (DirectoryReader.indexExists(directory)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        String file = entry.getFileName().toString();
        boolean lucene =
            file.startsWith("_")
                || file.startsWith("segments")
                || file.startsWith("pending_segments")
                || file.equals("write.lock");
        if (!lucene) {
          throw new BiSearchException(
              path
                  + " is not empty and holds no bisearch index: give 'search-cli index --index'"
                  + " a new or empty directory");
        }
      }
    }
  }

  private BiSearchException incompatible(String why) {
    return new BiSearchException(
        "index at "
            + name
            + " cannot be read: "
            + why
            + "; reindex with 'search-cli index --index NEW_DIR PATH...'");
  }

  /**
   * Replaces everything indexed from the markdown text {@code sourceKey} with {@code entries}. Not
   * visible to searches until {@link #commit()}.
   */
  public void replaceSource(String sourceKey, List<Entry> entries) {
    replaceSource(sourceKey, null, entries);
  }

  /**
   * Replaces everything indexed from {@code sourceKey} with {@code entries}, read from a file that
   * looked like {@code stamp} (null for a markdown text). Not visible to searches until {@link
   * #commit()}.
   */
  public void replaceSource(String sourceKey, SourceStamp stamp, List<Entry> entries) {
    try {
      // One block with the source document: a commit holds a file's record and its entries, or
      // neither, so a file interrupted while indexing is never taken for indexed.
      List<Document> docs = new ArrayList<>(entries.size() + 1);
      docs.add(SourceDocuments.toDocument(sourceKey, stamp));
      docs.addAll(EntryDocuments.toDocuments(sourceKey, entries));
      writer().updateDocuments(new Term(IndexSchema.SOURCE_KEY, sourceKey), docs);
    } catch (IOException e) {
      throw new BiSearchException("cannot write to " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The files indexed so far, by source key, each with how it looked when it was read; as searches
   * see the index. Markdown texts, which have no stamp, are left out.
   */
  public Map<String, SourceStamp> files() {
    IndexSearcher searcher = acquire();
    try {
      Map<String, SourceStamp> files = new HashMap<>();
      StoredFields stored = searcher.storedFields();
      MatchingDocs.forEach(
          searcher,
          SOURCES,
          doc -> {
            Document source = stored.document(doc, SourceDocuments.STORED);
            SourceStamp stamp = SourceDocuments.stamp(source);
            if (stamp != null) {
              files.put(SourceDocuments.sourceKey(source), stamp);
            }
          });
      return files;
    } catch (IOException e) {
      throw new BiSearchException("cannot read " + name + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** Whether anything was indexed from {@code sourceKey}, as searches see the index. */
  public boolean contains(String sourceKey) {
    IndexSearcher searcher = acquire();
    try {
      return searcher.count(new TermQuery(new Term(IndexSchema.SOURCE_KEY, sourceKey))) > 0;
    } catch (IOException e) {
      throw new BiSearchException("cannot read " + name + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** Removes everything indexed from {@code sourceKey}. Visible after {@link #commit()}. */
  public synchronized void deleteSource(String sourceKey) {
    try {
      writer().deleteDocuments(new Term(IndexSchema.SOURCE_KEY, sourceKey));
    } catch (IOException e) {
      throw new BiSearchException("cannot write to " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes one buffer of added documents to a new segment, in the calling thread; false when no
   * documents are buffered. A commit writes all buffers one after another in the committing thread;
   * several threads calling this first write them in parallel, and leave the commit little to do.
   */
  public boolean flushBuffer() {
    IndexWriter current;
    synchronized (this) {
      current = writer;
    }
    if (current == null) {
      return false;
    }
    try {
      return current.flushNextBuffer();
    } catch (AlreadyClosedException e) {
      return false; // closed meanwhile: nothing left to flush
    } catch (IOException e) {
      throw new BiSearchException("cannot write to " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes all writes durable and visible to new searches. Without writes since the last commit,
   * nothing is committed, so that the recorded commit time says when the index last changed.
   */
  public synchronized void commit() {
    if (writer == null) {
      return;
    }
    try {
      if (writer.hasUncommittedChanges() || !DirectoryReader.indexExists(directory)) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        writer.setLiveCommitData(
            Map.of(
                    IndexSchema.VERSION_KEY,
                    IndexSchema.VERSION,
                    IndexSchema.GLOSSARY_KEY,
                    IndexSchema.glossaryFingerprint(),
                    IndexSchema.COMMITTED_KEY,
                    now)
                .entrySet());
        writer.commit();
      }
      searchers().maybeRefreshBlocking();
    } catch (IOException e) {
      throw new BiSearchException("cannot commit " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the latest commit to {@code out}, for {@link #fromSnapshot}; what is not committed is
   * left out.
   */
  public synchronized void writeSnapshot(OutputStream out) {
    try {
      IndexSnapshot.write(directory, out);
    } catch (IOException e) {
      throw new BiSearchException("cannot write a snapshot of " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sets the threads one search of a large index may use, the calling thread included; searchers
   * made from now on use them.
   */
  public void searchThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("search threads must be 1 or more, not " + threads);
    }
    searchThreads = threads;
    cachedSearcher = null; // the next search makes a searcher with them
  }

  /** A searcher over the latest commit; give it back with {@link #release}. */
  public IndexSearcher acquire() {
    try {
      SearcherManager current = searchers;
      if (current != null) {
        try {
          return withTermCache(current.acquire());
        } catch (AlreadyClosedException e) {
          // Replaced by a writer's manager in the meantime: take the new one.
        }
      }
      return withTermCache(searchers().acquire());
    } catch (IOException e) {
      throw new BiSearchException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * A searcher over the same reader as {@code plain} whose term lookups go through the {@link
   * TermCache} and which searches a large index on every core ({@link SlicedSearcher}); one per
   * reader, made when the reader is first seen.
   */
  private IndexSearcher withTermCache(IndexSearcher plain) throws IOException {
    IndexSearcher cached = cachedSearcher;
    if (cached != null && TermCache.unwrap(cached.getIndexReader()) == plain.getIndexReader()) {
      return cached;
    }
    try {
      cached =
          new SlicedSearcher(
              termCache.wrap((DirectoryReader) plain.getIndexReader()),
              SlicedSearcher.PARALLEL_MIN_DOCS,
              searchThreads);
    } catch (IOException | RuntimeException e) {
      plain.getIndexReader().decRef();
      throw e;
    }
    cachedSearcher = cached;
    return cached;
  }

  /** Gives back a searcher from {@link #acquire()}. */
  public void release(IndexSearcher searcher) {
    try {
      // Not through the manager: it may have been replaced since the searcher was acquired.
      TermCache.unwrap(searcher.getIndexReader()).decRef();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every entry visible to searches, in index order. */
  public List<Entry> entries() {
    IndexSearcher searcher = acquire();
    try {
      List<Entry> entries = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      MatchingDocs.forEach(
          searcher, ENTRIES, doc -> entries.add(EntryDocuments.fromDocument(stored.document(doc))));
      return entries;
    } catch (IOException e) {
      throw new BiSearchException("cannot read " + name + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** The number of entries visible to searches. */
  public int size() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.count(ENTRIES);
    } catch (IOException e) {
      throw new BiSearchException("cannot read " + name + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** What the index holds as seen by searches, its size and its last commit. */
  public IndexStats stats() {
    IndexSearcher searcher = acquire();
    try {
      return IndexStatsReader.read(searcher, directory);
    } catch (IOException e) {
      throw new BiSearchException("cannot read " + name + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  private synchronized IndexWriter writer() throws IOException {
    if (writer == null) {
      IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCommitOnClose(false);
      config.setRAMBufferSizeMB(RAM_BUFFER_MB);
      try {
        writer = new IndexWriter(directory, config);
      } catch (LockObtainFailedException e) {
        throw new BiSearchException("index is locked by another process: " + name, e);
      } catch (AccessDeniedException e) {
        throw new BiSearchException(
            "cannot write to index at " + name + ": permission denied (it can still be searched)",
            e);
      }
      if (searchers != null) {
        // Searches from now on see the writer's view, refreshed at each commit.
        searchers.close();
        searchers = null;
      }
    }
    return writer;
  }

  private synchronized SearcherManager searchers() throws IOException {
    if (searchers == null) {
      if (writer != null) {
        searchers = new SearcherManager(writer, SEARCHERS);
      } else if (DirectoryReader.indexExists(directory)) {
        searchers = new SearcherManager(directory, SEARCHERS);
      } else {
        // Nothing committed yet: an empty in-memory view until the first write.
        writer();
        searchers = new SearcherManager(writer, SEARCHERS);
      }
    }
    return searchers;
  }

  @Override
  public synchronized void close() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.rollback(); // uncommitted work is dropped, as documented for commit()
      }
      directory.close();
    } catch (IOException e) {
      throw new BiSearchException("cannot close " + name + ": " + e.getMessage(), e);
    }
  }
}
