package io.github.bisearch;

import io.github.bisearch.eval.RankedResult;
import io.github.bisearch.eval.Ranker;
import io.github.bisearch.glossary.CedictReader;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.EntryIndex;
import io.github.bisearch.index.SourceStamp;
import io.github.bisearch.ingest.Entry;
import io.github.bisearch.ingest.MarkdownFiles;
import io.github.bisearch.ingest.MarkdownIngester;
import io.github.bisearch.query.BilingualQueryBuilder;
import io.github.bisearch.query.BuiltQuery;
import io.github.bisearch.query.QueryConcept;
import io.github.bisearch.search.EntrySearcher;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.IndexSearcher;

/**
 * A bilingual search index: add markdown, then search it in Chinese, English or both.
 *
 * <pre>{@code
 * try (BiSearch search = BiSearch.inMemory()) {
 *   search.add(Path.of("docs"));
 *   for (Hit hit : search.search("虚拟机 hypervisor", 10).hits()) {
 *     System.out.println(hit.title() + "  " + hit.snippet().marked("[", "]"));
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may search while one adds; a search sees the index as of
 * the last completed {@code add}.
 */
public final class BiSearch implements AutoCloseable {
  /** Files indexed between two commits when adding a large folder. */
  private static final int COMMIT_EVERY_FILES = 200;

  /** Jobs smaller than this (files, or bytes to read) are indexed in one thread. */
  private static final int PARALLEL_MIN_FILES = 4;

  private static final long PARALLEL_MIN_BYTES = 1L << 20;

  /** Indexing threads at most, however many cores. */
  private static final int MAX_THREADS = 8;

  /**
   * Files handed to the indexing pool ahead of the one whose outcome is awaited, per thread. When a
   * thread's buffer is full, adding its file's documents first writes the buffer to a segment (half
   * a second or more on a large folder); results are taken in order, so with only a file or two
   * ahead per thread the other threads run out of files while it writes. Files not yet started cost
   * nothing but their place in the queue.
   */
  private static final int AHEAD_PER_THREAD = 8;

  private final EntryIndex index;

  /** Built on the first search: indexing never needs the glossary. */
  private volatile BilingualQueryBuilder queries;

  private final Glossary glossary;
  private final List<Glossary> extraGlossaries;
  private final boolean translate;
  private final MarkdownIngester ingester = new MarkdownIngester();

  private BiSearch(Builder builder) {
    if (builder.snapshot != null) {
      this.index = EntryIndex.fromSnapshot(builder.snapshot);
    } else if (builder.directory != null) {
      this.index = EntryIndex.open(builder.directory, builder.create);
    } else {
      this.index = EntryIndex.inMemory();
    }
    this.glossary = builder.glossary;
    this.extraGlossaries = List.copyOf(builder.extraGlossaries);
    this.translate = builder.translate;
    if (builder.searchThreads > 0) {
      index.searchThreads(builder.searchThreads);
    }
  }

  private BilingualQueryBuilder queries() {
    BilingualQueryBuilder built = queries;
    if (built == null) {
      synchronized (this) {
        built = queries;
        if (built == null) {
          Glossary all = glossary != null ? glossary : Glossary.builtIn();
          for (Glossary extra : extraGlossaries) {
            all = all.with(extra);
          }
          built = new BilingualQueryBuilder(all, translate);
          queries = built;
        }
      }
    }
    return built;
  }

  /** A new index in memory. */
  public static BiSearch inMemory() {
    return builder().build();
  }

  /** Opens the index in {@code directory}, creating it if there is none. */
  public static BiSearch open(Path directory) {
    return builder().directory(directory).build();
  }

  /** Options for opening an index. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Indexes markdown files and folders (every {@code .md} or {@code .markdown} file below a
   * folder), bringing the index up to date with them: new files are indexed; files indexed before
   * are read again only if their size or last-modified time changed, and then their entries are
   * replaced; entries of files that were indexed from one of the given folders before and are no
   * longer in it are removed. Files that cannot be read are skipped and reported; the rest are
   * indexed.
   *
   * @throws BiSearchException if a path does not exist (nothing is indexed then) or the index
   *     cannot be written
   */
  public IndexReport add(Path... paths) {
    return add(IndexProgress.NONE, paths);
  }

  /** Like {@link #add(Path...)}, telling {@code progress} after each file. */
  public IndexReport add(IndexProgress progress, Path... paths) {
    // By source key: a file given twice, or found in two of the given folders, is read once.
    Map<String, Path> files = new LinkedHashMap<>();
    Map<String, SourceStamp> indexed = index.files();
    Set<String> gone = new TreeSet<>();
    for (Path path : paths) {
      List<Path> found;
      try {
        found = MarkdownFiles.find(path);
      } catch (NoSuchFileException e) {
        throw new BiSearchException(path + ": no such file or directory");
      } catch (IOException e) {
        throw new BiSearchException(path + ": cannot list: " + e.getMessage(), e);
      }
      for (Path file : found) {
        files.putIfAbsent(sourceKey(file), file);
      }
      if (Files.isDirectory(path)) {
        // Files indexed from this folder before that it no longer holds.
        String folder = sourceKey(path);
        String prefix = folder.endsWith(File.separator) ? folder : folder + File.separator;
        for (String key : indexed.keySet()) {
          if (key.startsWith(prefix)) {
            gone.add(key);
          }
        }
      }
    }
    gone.removeAll(files.keySet());
    for (String key : gone) {
      index.deleteSource(key);
    }
    List<FileJob> jobs = new ArrayList<>(files.size());
    long bytes = 0;
    for (Map.Entry<String, Path> file : files.entrySet()) {
      String source = MarkdownFiles.displayName(file.getValue());
      SourceStamp now = stamp(file.getValue(), source);
      SourceStamp before = indexed.get(file.getKey());
      jobs.add(new FileJob(file.getKey(), file.getValue(), source, before, now));
      if (now != null && !now.equals(before)) {
        bytes += now.size();
      }
    }
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int entries = 0;
    int skipped = 0;
    int written = 0;
    List<String> problems = new ArrayList<>();
    int threads = threadsFor(jobs.size(), bytes);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, INDEXING) : null;
    try {
      // Files are read and analysed on the pool, several ahead; results are taken in order, so the
      // report, the progress and the problems come out as in a single-threaded run.
      Deque<Future<FileOutcome>> ahead = new ArrayDeque<>();
      int next = 0;
      for (int done = 0; done < jobs.size(); done++) {
        // Never past the next commit: a commit holds exactly every COMMIT_EVERY_FILES files.
        int nextCommit = (written / COMMIT_EVERY_FILES + 1) * COMMIT_EVERY_FILES;
        while (pool != null
            && next < jobs.size()
            && ahead.size() < AHEAD_PER_THREAD * threads
            && written + ahead.size() < nextCommit) {
          FileJob job = jobs.get(next++);
          ahead.add(pool.submit(() -> indexFile(job)));
        }
        FileOutcome outcome =
            pool == null ? indexFile(jobs.get(next++)) : await(ahead.removeFirst());
        problems.addAll(outcome.problems());
        switch (outcome.kind()) {
          case UNCHANGED -> unchanged++;
          case SKIPPED -> skipped++;
          case ADDED -> added++;
          case UPDATED -> updated++;
        }
        entries += outcome.entries();
        if (outcome.kind() == FileOutcome.Kind.ADDED
            || outcome.kind() == FileOutcome.Kind.UPDATED) {
          if (++written % COMMIT_EVERY_FILES == 0) {
            flush(pool, threads);
            index.commit();
          }
        }
        if (done + 1 < jobs.size()) {
          progress.fileDone(done + 1, jobs.size(), entries);
        }
      }
      flush(pool, threads);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    index.commit();
    if (!jobs.isEmpty()) {
      progress.fileDone(jobs.size(), jobs.size(), entries);
    }
    return new IndexReport(added, updated, unchanged, gone.size(), entries, problems, skipped);
  }

  /** A file to index: its key, where it is, its name in hits, and how it looked then and now. */
  private record FileJob(
      String key, Path path, String source, SourceStamp before, SourceStamp now) {}

  /** What indexing one file did. */
  private record FileOutcome(Kind kind, int entries, List<String> problems) {
    enum Kind {
      ADDED,
      UPDATED,
      UNCHANGED,
      SKIPPED
    }
  }

  /** Reads, parses and indexes one file, unless it is unchanged since it was last indexed. */
  private FileOutcome indexFile(FileJob job) {
    if (job.now() != null && job.now().equals(job.before())) {
      return new FileOutcome(FileOutcome.Kind.UNCHANGED, 0, List.of());
    }
    List<String> problems = new ArrayList<>(1);
    List<Entry> parsed = ingester.parseFile(job.path(), job.source(), problems);
    if (parsed == null) {
      return new FileOutcome(FileOutcome.Kind.SKIPPED, 0, problems);
    }
    index.replaceSource(job.key(), job.now(), parsed);
    return new FileOutcome(
        job.before() == null ? FileOutcome.Kind.ADDED : FileOutcome.Kind.UPDATED,
        parsed.size(),
        problems);
  }

  /**
   * Writes the buffered documents to segments on every thread of {@code pool} (if there is one)
   * before a commit, which would write them one after another in this thread while the pool's
   * threads wait.
   */
  private void flush(ExecutorService pool, int threads) {
    if (pool == null) {
      return;
    }
    List<Future<?>> flushing = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      flushing.add(
          pool.submit(
              () -> {
                while (index.flushBuffer()) {
                  // one buffer after another, until none is left
                }
              }));
    }
    for (Future<?> done : flushing) {
      await(done);
    }
  }

  /**
   * Threads for indexing: one per core for a large job, one for a small one. Analysis (Chinese
   * segmentation above all) is most of the work and runs in the threads that add documents; a few
   * small files are not worth the threads, and one thread keeps their documents in file order.
   */
  private static int threadsFor(int files, long bytes) {
    if (files < PARALLEL_MIN_FILES || bytes < PARALLEL_MIN_BYTES) {
      return 1;
    }
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));
  }

  private static <T> T await(Future<T> outcome) {
    try {
      return outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BiSearchException("indexing interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new BiSearchException("indexing failed: " + cause.getMessage(), cause);
    }
  }

  private static final ThreadFactory INDEXING =
      new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
          Thread thread = new Thread(task, "bisearch-indexing-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }
      };

  /**
   * How {@code file} looks now; null if that cannot be told, and then the file is read (and its
   * problem reported) as if it had changed.
   */
  private static SourceStamp stamp(Path file, String source) {
    try {
      return SourceStamp.of(file, source);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Indexes one markdown document given as a string; {@code source} names it in hits and identifies
   * it: adding the same source again replaces its entries (it is always read: a string has no
   * modification time).
   */
  public IndexReport addMarkdown(String source, String markdown) {
    Objects.requireNonNull(source, "source");
    List<Entry> parsed = ingester.parse(source, Objects.requireNonNull(markdown, "markdown"));
    boolean known = index.contains(source);
    index.replaceSource(source, parsed);
    index.commit();
    return new IndexReport(known ? 0 : 1, known ? 1 : 0, 0, 0, parsed.size(), List.of());
  }

  /**
   * Searches for {@code query} and returns up to {@code limit} hits, best first.
   *
   * @throws IllegalArgumentException if {@code query} is empty or blank, or {@code limit} is
   *     negative
   */
  public SearchResult search(String query, int limit) {
    return search(query, limit, SearchFilter.NONE);
  }

  /**
   * Searches for {@code query} among the entries that {@code filter} lets through.
   *
   * @throws IllegalArgumentException if {@code query} is empty or blank, {@code limit} is negative,
   *     or the filter's section has no words
   */
  public SearchResult search(String query, int limit, SearchFilter filter) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
    }
    BilingualQueryBuilder queries = queries();
    List<QueryConcept> concepts = queries.concepts(query);
    BuiltQuery lucene = queries.toQuery(concepts);
    IndexSearcher searcher = index.acquire();
    try {
      BuiltQuery filtered = queries.filtered(lucene, filter);
      EntrySearcher.Found found = EntrySearcher.search(searcher, filtered, limit);
      List<QueryConcept> tolerant = withTypoTolerance(searcher, concepts, lucene, found.hits());
      if (tolerant != null) {
        found =
            EntrySearcher.search(
                searcher, queries.filtered(queries.toQuery(tolerant), filter), limit);
      }
      return new SearchResult(query, found.total(), found.totalExact(), found.hits());
    } catch (IOException e) {
      throw new BiSearchException("search failed: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }

  /**
   * The concepts again, with typo tolerance for each Latin word that matches no entry at all as
   * written ({@code kubernets}); {@code null} when every word is found. A word that a hit already
   * contains needs no count of its own, so correct words cost nothing here.
   */
  private static List<QueryConcept> withTypoTolerance(
      IndexSearcher searcher, List<QueryConcept> concepts, BuiltQuery query, List<Hit> hits)
      throws IOException {
    Set<QueryConcept> unmatched = Collections.newSetFromMap(new IdentityHashMap<>());
    for (BuiltQuery.Clause clause : query.concepts()) {
      if (clause.concept().canBeFuzzy()
          && !foundIn(hits, clause.concept().original())
          && searcher.count(clause.coverage()) == 0) {
        unmatched.add(clause.concept());
      }
    }
    if (unmatched.isEmpty()) {
      return null;
    }
    List<QueryConcept> tolerant = new ArrayList<>(concepts.size());
    for (QueryConcept concept : concepts) {
      tolerant.add(unmatched.contains(concept) ? concept.withFuzzy() : concept);
    }
    return tolerant;
  }

  private static boolean foundIn(List<Hit> hits, String concept) {
    for (Hit hit : hits) {
      for (Match match : hit.matched()) {
        if (match.concept().equals(concept)) {
          return true;
        }
      }
    }
    return false;
  }

  /** How {@code query} is understood: its concepts and their translations. */
  public List<QueryConcept> explain(String query) {
    return queries().concepts(query);
  }

  /** Every entry in the index, in index order. */
  public List<Entry> entries() {
    return index.entries();
  }

  /** This index as a {@link Ranker} for {@link io.github.bisearch.eval.Evaluation}. */
  public Ranker ranker() {
    return (query, k) ->
        search(query, k).hits().stream()
            .map(hit -> new RankedResult(hit.url(), hit.source(), hit.line()))
            .toList();
  }

  /** The number of entries in the index. */
  public int size() {
    return index.size();
  }

  /**
   * What the index holds (entries, files, languages, sections), its size and when it last changed,
   * as searches see it.
   */
  public IndexStats stats() {
    return index.stats();
  }

  /**
   * Writes what was added so far as one stream, which {@link Builder#snapshot} opens again in
   * memory: an index built ahead of time can ship as a single resource and be searched without
   * analyzing any text at start-up.
   *
   * @throws BiSearchException if the snapshot cannot be written
   */
  public void writeSnapshot(OutputStream out) {
    index.writeSnapshot(out);
  }

  @Override
  public void close() {
    index.close();
  }

  /** What identifies a file in the index: its absolute, normalized path. */
  private static String sourceKey(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  /** Options for a {@link BiSearch}. */
  public static final class Builder {
    private Path directory;
    private InputStream snapshot;
    private boolean create = true;
    private boolean translate = true;
    private Glossary glossary; // null: the built-in one, loaded only when needed
    private final List<Glossary> extraGlossaries = new ArrayList<>();
    private int searchThreads; // 0: the default

    private Builder() {}

    /** Keep the index in {@code directory} instead of in memory. */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Start from a snapshot written by {@link BiSearch#writeSnapshot}, held in memory (instead of
     * an empty index or a directory); {@code in} is read, not closed, by {@link #build()}.
     */
    public Builder snapshot(InputStream in) {
      this.snapshot = Objects.requireNonNull(in, "in");
      return this;
    }

    /** Whether to start a new index when the directory holds none (default true). */
    public Builder create(boolean create) {
      this.create = create;
      return this;
    }

    /** Whether queries also match translations of their words (default true). */
    public Builder translate(boolean translate) {
      this.translate = translate;
      return this;
    }

    /** Adds the concepts of a glossary file to the built-in glossary. */
    public Builder glossary(Path file) {
      extraGlossaries.add(Glossary.load(file));
      return this;
    }

    /** Adds the entries of a dictionary in CC-CEDICT's text format to the glossary. */
    public Builder dictionary(Path file) {
      extraGlossaries.add(CedictReader.load(file));
      return this;
    }

    /** Replaces the glossary altogether. */
    public Builder glossary(Glossary glossary) {
      this.glossary = Objects.requireNonNull(glossary, "glossary");
      return this;
    }

    /**
     * Threads one search of a large index (100,000 entries or more) may use, the calling thread
     * included: its segments are then searched in that many slices at once, with the same hits. 1
     * searches in the calling thread alone, which suits a server running many searches at a time.
     * Default: one per core. At most 4 are used. Smaller indexes are always searched in the calling
     * thread.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder searchThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("search threads must be 1 or more, not " + threads);
      }
      this.searchThreads = threads;
      return this;
    }

    /**
     * Opens the index.
     *
     * @throws BiSearchException if it cannot be opened; the message says why and what to do
     */
    public BiSearch build() {
      return new BiSearch(this);
    }
  }
}
