package io.github.bisearch.benchmarks;

import io.github.bisearch.BiSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test: 8 threads search a generated corpus for a fixed time while another thread
 * keeps updating entries (each update commits and reopens the searcher). Reports throughput,
 * latency percentiles and errors. Not run in CI.
 *
 * <p>Usage: {@code LoadTest [ENTRIES=100000] [SECONDS=30] [THREADS=8] [UPDATE_MS=100]}; an update
 * interval of 0 turns updates off.
 */
public final class LoadTest {
  private LoadTest() {}

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int updateMillis = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    Path corpus = Files.createTempDirectory("bisearch-load-corpus");
    Path index = Files.createTempDirectory("bisearch-load-index");
    CorpusGenerator generator = new CorpusGenerator(42);
    generator.write(entries, corpus);
    List<String> queries = queries(generator, 1_000);

    try (BiSearch search = BiSearch.open(index)) {
      long start = System.nanoTime();
      search.add(corpus);
      double indexSeconds = (System.nanoTime() - start) / 1e9;

      AtomicLong errors = new AtomicLong();
      AtomicLong updates = new AtomicLong();
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      long[][] latencies = new long[threads][];
      CountDownLatch done = new CountDownLatch(threads);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        Thread worker =
            new Thread(
                () -> {
                  SplittableRandom random = new SplittableRandom(id);
                  long[] times = new long[1 << 16];
                  int n = 0;
                  while (System.nanoTime() < deadline) {
                    String query = queries.get(random.nextInt(queries.size()));
                    long t0 = System.nanoTime();
                    try {
                      search.search(query, 10);
                    } catch (RuntimeException e) {
                      errors.incrementAndGet();
                    }
                    if (n == times.length) {
                      times = Arrays.copyOf(times, n * 2);
                    }
                    times[n++] = System.nanoTime() - t0;
                  }
                  latencies[id] = Arrays.copyOf(times, n);
                  done.countDown();
                });
        workers.add(worker);
      }
      Thread updater =
          new Thread(
              () -> {
                int round = 0;
                while (updateMillis > 0 && System.nanoTime() < deadline) {
                  try {
                    StringBuilder markdown = new StringBuilder("# updated\n\n");
                    for (int i = 0; i < 100; i++) {
                      markdown.append(generator.entry(entries + round * 100 + i));
                    }
                    search.addMarkdown("updates/file-" + (round % 10) + ".md", markdown.toString());
                    updates.incrementAndGet();
                    round++;
                    Thread.sleep(updateMillis);
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      workers.forEach(Thread::start);
      updater.start();
      done.await();
      updater.join();

      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
      System.out.println("## Load test\n");
      System.out.printf(
          Locale.ROOT,
          "%d generated entries (indexed in %.1f s), %d search threads for %d s while one thread"
              + " replaced 100 entries and committed every %d ms (%d commits).%n%n",
          entries,
          indexSeconds,
          threads,
          seconds,
          updateMillis,
          updates.get());
      System.out.println("| searches | searches/s | p50 | p99 | max | errors |");
      System.out.println("|---:|---:|---:|---:|---:|---:|");
      System.out.printf(
          Locale.ROOT,
          "| %d | %.0f | %.2f ms | %.2f ms | %.1f ms | %d |%n",
          all.length,
          all.length / (double) seconds,
          percentile(all, 0.50) / 1e6,
          percentile(all, 0.99) / 1e6,
          all[all.length - 1] / 1e6,
          errors.get());
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  /** Query mix: Chinese, English, mixed and two-concept queries from the generator's words. */
  static List<String> queries(CorpusGenerator generator, int count) {
    List<String> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queries.add(
          switch (i % 4) {
            case 0 -> generator.word(true);
            case 1 -> generator.word(false);
            case 2 -> generator.word(true) + " " + generator.word(false);
            default -> generator.word(false) + " " + generator.word(false);
          });
    }
    return queries;
  }
}
