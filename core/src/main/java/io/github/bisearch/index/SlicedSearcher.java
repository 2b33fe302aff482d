package io.github.bisearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TaskExecutor;

/**
 * A searcher that searches a large index on every core at once: its segments are split into one
 * slice per core, of about as many documents each, and each slice is searched in a thread of its
 * own (the calling thread takes one). A small index is one slice, searched in the calling thread
 * alone: handing work to another thread costs tens of microseconds, more than a small index takes.
 *
 * <p>Lucene's own slicing makes slices of up to 250,000 documents and 5 segments, meant for many
 * cores; on a machine with two it would make a million-entry index four slices for two threads.
 */
public final class SlicedSearcher extends IndexSearcher {
  /** Indexes with fewer documents than this are searched in the calling thread only. */
  static final int PARALLEL_MIN_DOCS = 100_000;

  /** Threads per search at most, the calling thread included. */
  static final int MAX_THREADS = 4;

  private final int minDocs;
  private final int threads;
  private final TaskExecutor slices;

  /** Runs everything but the search of slices: in the calling thread. */
  private static final TaskExecutor CALLING_THREAD = new TaskExecutor(new CallingThread());

  /**
   * A searcher that splits an index of {@code minDocs} documents or more into {@code threads}
   * slices (tests make small indexes search in slices this way).
   */
  SlicedSearcher(IndexReader reader, int minDocs, int threads) {
    super(reader, reader.maxDoc() >= minDocs && threads > 1 ? SearchThreads.POOL : null);
    this.minDocs = minDocs;
    this.threads = Math.min(threads, MAX_THREADS);
    // Without an executor, Lucene's own runs every task in the calling thread.
    this.slices = super.getTaskExecutor();
    setQueryCache(null);
  }

  /**
   * Runs the search of slices, one per thread ({@link #getTaskExecutor} runs all else in the
   * calling thread).
   */
  public TaskExecutor slicesExecutor() {
    return slices;
  }

  /**
   * The calling thread: Lucene hands this executor small tasks too, such as looking a term up in
   * each segment, which take less time than handing them to another thread.
   */
  @Override
  public TaskExecutor getTaskExecutor() {
    return CALLING_THREAD;
  }

  @Override
  protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
    int maxDoc = 0;
    for (LeafReaderContext leaf : leaves) {
      maxDoc += leaf.reader().maxDoc();
    }
    int count = maxDoc < minDocs ? 1 : Math.min(threads, leaves.size());
    if (count <= 1) {
      return new LeafSlice[] {new LeafSlice(new ArrayList<>(leaves))};
    }
    // Largest segment first, each to the slice with the fewest documents so far.
    List<LeafReaderContext> bySize = new ArrayList<>(leaves);
    bySize.sort((a, b) -> Integer.compare(b.reader().maxDoc(), a.reader().maxDoc()));
    List<List<LeafReaderContext>> groups = new ArrayList<>(count);
    long[] docs = new long[count];
    for (int i = 0; i < count; i++) {
      groups.add(new ArrayList<>());
    }
    for (LeafReaderContext leaf : bySize) {
      int least = 0;
      for (int i = 1; i < count; i++) {
        if (docs[i] < docs[least]) {
          least = i;
        }
      }
      groups.get(least).add(leaf);
      docs[least] += leaf.reader().maxDoc();
    }
    LeafSlice[] slices = new LeafSlice[count];
    for (int i = 0; i < count; i++) {
      List<LeafReaderContext> group = groups.get(i);
      group.sort((a, b) -> Integer.compare(a.ord, b.ord));
      slices[i] = new LeafSlice(group);
    }
    return slices;
  }

  /** Threads per search unless told otherwise: one per core, at most {@link #MAX_THREADS}. */
  static int defaultThreads() {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));
  }

  /**
   * The threads that search slices besides the calling thread: {@link #MAX_THREADS} - 1 at most,
   * each started when first needed (a search of two slices starts one). Daemon threads: they never
   * keep a program from ending.
   */
  private static final class SearchThreads {
    static final Executor POOL = pool(MAX_THREADS - 1);

    // Classes, not lambdas: a lambda's first use links method handles, which costs a command-line
    // search milliseconds of start-up.
    private static ExecutorService pool(int threads) {
      return Executors.newFixedThreadPool(
          threads,
          new ThreadFactory() {
            private final AtomicInteger made = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, "bisearch-search-" + made.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });
    }
  }

  private static final class CallingThread implements Executor {
    @Override
    public void execute(Runnable task) {
      task.run();
    }
  }
}
