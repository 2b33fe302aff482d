package io.github.bisearch.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Writes the benchmark report (markdown and PNG charts) from JMH's JSON results, the fixtures'
 * sizes on disk and the cold-start script's JSON.
 *
 * <p>Usage, from the repository root: {@code ReportWriter JMH_JSON REPORT_MD CHART_DIR
 * [COLD_START_JSON] [--quick]}.
 */
public final class ReportWriter {
  static final String LATENCY = "QueryLatencyBenchmark";
  static final String PARTS = "QueryPartsBenchmark";
  static final String NAIVE = "NaiveBaselineBenchmark";
  static final String INDEXING = "IndexingBenchmark";
  static final String ANALYZERS = "AnalyzerBenchmark";

  /** What the report needs to know of a corpus's fixtures. */
  record Fixture(long entries, long markdownBytes, long indexBytes, long singleFieldBytes) {}

  /** The cold-start script's summary. */
  record ColdStart(
      String command, int runs, double medianMs, double floorMedianMs, String java, String date) {}

  private final List<JmhResult> results;
  private final Function<String, Fixture> fixtures;
  private final ColdStart coldStart;
  private final boolean quick;

  ReportWriter(
      List<JmhResult> results,
      Function<String, Fixture> fixtures,
      ColdStart coldStart,
      boolean quick) {
    this.results = List.copyOf(results);
    this.fixtures = fixtures;
    this.coldStart = coldStart;
    this.quick = quick;
  }

  public static void main(String[] args) throws IOException {
    List<String> positional = new ArrayList<>();
    boolean quick = false;
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() < 3) {
      System.err.println(
          "usage: ReportWriter JMH_JSON REPORT_MD CHART_DIR [COLD_START_JSON] [--quick]");
      System.exit(2);
    }
    Path report = Path.of(positional.get(1));
    Path charts = Path.of(positional.get(2));
    ColdStart coldStart = null;
    if (positional.size() > 3 && Files.exists(Path.of(positional.get(3)))) {
      coldStart = coldStart(Files.readString(Path.of(positional.get(3)), StandardCharsets.UTF_8));
    }
    ReportWriter writer =
        new ReportWriter(
            JmhResult.read(List.of(Path.of(positional.get(0)))),
            ReportWriter::fixtureOnDisk,
            coldStart,
            quick);
    Files.createDirectories(charts);
    List<Path> images = new ReportCharts(writer).write(charts);
    Path base = report.toAbsolutePath().getParent();
    List<String> links = new ArrayList<>();
    for (Path image : images) {
      links.add(base.relativize(image.toAbsolutePath()).toString().replace('\\', '/'));
    }
    String text = writer.markdown(Machine.describe(), Instant.now(), links);
    Files.writeString(report, text, StandardCharsets.UTF_8);
    System.err.println("wrote " + report + " and " + images.size() + " charts in " + charts);
  }

  /** The cold-start summary in the cold-start script's JSON. */
  static ColdStart coldStart(String json) {
    JsonObject object = JsonParser.parseString(json).getAsJsonObject();
    return new ColdStart(
        object.get("command").getAsString(),
        object.get("runs").getAsInt(),
        object.get("medianMs").getAsDouble(),
        object.has("floorMedianMs") ? object.get("floorMedianMs").getAsDouble() : Double.NaN,
        object.has("java") ? object.get("java").getAsString() : "",
        object.has("date") ? object.get("date").getAsString() : "");
  }

  private static Fixture fixtureOnDisk(String corpus) {
    Path dir = Fixtures.dir(corpus);
    if (!Files.exists(dir.resolve("complete"))) {
      return null;
    }
    Path markdown = Fixtures.markdown(corpus);
    int entries = Fixtures.entries(corpus);
    return new Fixture(
        entries,
        Fixtures.size(markdown),
        Fixtures.size(Fixtures.index(corpus)),
        Fixtures.size(Fixtures.singleFieldIndex(corpus)));
  }

  /** The whole report. */
  String markdown(String machine, Instant date, List<String> charts) {
    StringBuilder out = new StringBuilder();
    out.append(quick ? "# Benchmark report (quick mode)\n\n" : "# Benchmark report\n\n");
    out.append("Written by `benchmarks/run")
        .append(quick ? " --quick" : "")
        .append("` on ")
        .append(date.truncatedTo(ChronoUnit.SECONDS))
        .append(" from JMH's JSON results. ");
    if (quick) {
      out.append(
          "Quick mode is a smoke test: one fork, one short iteration, small corpora only. Its"
              + " numbers say that the suite works, not how fast anything is.\n\n");
    } else {
      out.append(
          "The load test's results are in [LOADTEST.md](LOADTEST.md), relevance in"
              + " [RELEVANCE.md](RELEVANCE.md).\n\n");
    }
    out.append("## Machine and JVM\n\n").append(machine).append('\n');
    out.append(jvm()).append('\n');
    section(out, "JMH settings", settingsRows(), "");
    section(
        out,
        "Targets",
        targetRows(),
        "Means over all measured iterations. \"Floor\" is raw Lucene running bisearch's final"
            + " query, with the 10 stored documents loaded.");
    section(
        out,
        "Query latency, end to end",
        latencyRows(),
        "Query string to the top 10 hits with snippets (`BiSearch.search(query, 10)`), mean"
            + " time per query over the class's queries. Floor: a plain `IndexSearcher` on the"
            + " same committed index, query cache off as in bisearch, running the `Query` that"
            + " `BilingualQueryBuilder` built for the same string (built once, in setup), the"
            + " way bisearch runs it (on an index of 100,000 entries or more, first without"
            + " its parts clauses, and again with them unless the top 10 then cover every"
            + " concept: `CoverageFirst`), and loading the 10 stored documents; the ratios are to"
            + " this floor. bisearch's own"
            + " searcher remembers term lookups across queries (its term cache); the floor, plain"
            + " Lucene, does not. Both use every core (up to 4) for one search of a large"
            + " index: bisearch from 100,000 entries on, in one slice per core; the floor with an"
            + " executor of as many threads and Lucene's own slices (up to 250,000 documents"
            + " and 5 segments each: one slice, so one thread, for the bundled, 10k and 100k"
            + " indexes here, where bisearch's 100k search uses two). \"TopDocs only\""
            + " is the same search without loading documents. \"1 term per concept\": raw"
            + " Lucene's top 10 (documents not loaded) for each of the query's concepts as one"
            + " term, OR-ed: a glossary concept's id in the concept field (all its names, title,"
            + " section and text), another word in the text's words; no parts, no ranking by"
            + " coverage; the least any search for these concepts costs on this index. Naive: one"
            + " SmartChineseAnalyzer field in memory over the same entries, words OR-ed, no"
            + " snippets.");
    section(
        out,
        "Query latency, the parts",
        partsRows(),
        "Each part measured alone, its inputs prepared in setup: query analysis and"
            + " translation (`BilingualQueryBuilder.build`), the search for the top 10"
            + " (`EntrySearcher.top`), highlighting and hit assembly (`EntrySearcher.hits`), on"
            + " bisearch's own searcher. The class's queries repeat, so whatever bisearch"
            + " remembers between queries is warm, as in the end-to-end benchmark.");
    section(
        out,
        "Indexing",
        indexingRows(),
        "One shot indexes a whole generated corpus into a new index on disk, commit included"
            + " (JMH single-shot time)."
            + " bisearch is `BiSearch.add(folder)` as the library does it, with the threads it"
            + " chooses (for a large folder, a pool of one per core reads, parses and analyses"
            + " files); the baseline, with Lucene's default writer settings, parses"
            + " the same markdown into the same entries and writes one stored SmartChineseAnalyzer"
            + " field with two threads. Each fork first runs warm-up shots over a corpus a tenth"
            + " the size (100k entries before a million), so that the measured shots run compiled"
            + " code: a fresh JVM's first shot also spends some 18 CPU-seconds compiling the"
            + " indexing code on the same cores. Entries/s and MB/s are over the mean measured"
            + " shot. MB are 10^6 bytes of markdown. Index sizes are those of the cached fixture"
            + " indexes, written by the same code.");
    section(
        out,
        "Analyzer throughput",
        analyzerRows(),
        "Each chain over the bundled corpus's markdown (`corpus/docker-awesome.md`).");
    section(
        out,
        "Cold start",
        coldStartRows(),
        "The whole process, from `benchmarks/cold-start` (`benchmarks/target/cold-start.json`):"
            + " its floor is a JVM started with the launcher's flags running an empty main class,"
            + " timed in the same run.");
    out.append("## Queries\n\n").append(queryLists()).append('\n');
    out.append("## Charts\n\n");
    for (String chart : charts) {
      String name = chart.substring(chart.lastIndexOf('/') + 1).replace(".png", "");
      out.append("![").append(name).append("](").append(chart).append(")\n\n");
    }
    out.append("## Fixtures\n\n")
        .append(
            "Corpora and indexes are built once, before and outside any measurement, and cached"
                + " under `benchmarks/target/fixtures/SIZE-SEED-VERSION/`; every fork and every"
                + " later run reuses them. Generated corpora come from `CorpusGenerator` with"
                + " seed 42.\n");
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<String> rows, String note) {
    out.append("## ").append(title).append("\n\n");
    if (!note.isEmpty()) {
      out.append(note).append("\n\n");
    }
    if (rows.size() <= 2) {
      out.append("Not measured in this run.\n\n");
      return;
    }
    rows.forEach(row -> out.append(row).append('\n'));
    out.append('\n');
  }

  private String jvm() {
    if (results.isEmpty()) {
      return "JVM: no results.\n";
    }
    JmhResult.Settings s = results.get(0).settings();
    return "JVM: "
        + s.vmName()
        + " "
        + s.vmVersion()
        + " (JDK "
        + s.jdkVersion()
        + "); each benchmark's extra flags are in the table below, and the JMH forks otherwise"
        + " run with the JVM's defaults.\n";
  }

  /** One row per benchmark class: how JMH ran it. */
  List<String> settingsRows() {
    List<String> rows =
        header("benchmark", "mode", "forks", "warm-up", "measurement", "extra JVM flags");
    Set<String> seen = new LinkedHashSet<>();
    for (JmhResult r : results) {
      String type = r.benchmark().substring(0, r.benchmark().indexOf('.'));
      if (seen.add(type)) {
        JmhResult.Settings s = r.settings();
        boolean shots = r.mode().equals("ss");
        rows.add(
            row(
                type,
                r.mode(),
                Integer.toString(s.forks()),
                iterations(s.warmupIterations(), s.warmupTime(), shots),
                iterations(s.measurementIterations(), s.measurementTime(), shots),
                s.jvmArgs().isEmpty() ? "–" : "`" + String.join(" ", s.jvmArgs()) + "`"));
      }
    }
    return rows;
  }

  private static String iterations(int count, String time, boolean shots) {
    if (shots) {
      return count + (count == 1 ? " shot" : " shots");
    }
    return count == 0 ? "0" : count + " × " + time;
  }

  /** The speed targets, each met or missed and by how much. */
  List<String> targetRows() {
    List<String> rows = header("target", "limit", "measured", "result");
    JmhResult bundled = find(LATENCY + ".bisearch", "bundled:target");
    rows.add(
        atMost(
            "bundled corpus, `" + Workload.TARGET_QUERY + "`, end to end, mean",
            30,
            bundled == null ? Double.NaN : bundled.micros(),
            ReportWriter::time));
    for (String queryClass : List.of("mixed", "cross")) {
      JmhResult e2e = find(LATENCY + ".bisearch", "1m:" + queryClass);
      JmhResult floor = find(LATENCY + ".luceneFloor", "1m:" + queryClass);
      rows.add(
          atMost(
              "1M entries, " + queryClass + ", end to end ÷ floor",
              1.5,
              e2e == null || floor == null ? Double.NaN : e2e.micros() / floor.micros(),
              ReportWriter::ratio));
      rows.add(
          atMost(
              "1M entries, " + queryClass + ", end to end, mean",
              2000,
              e2e == null ? Double.NaN : e2e.micros(),
              ReportWriter::time));
    }
    JmhResult indexing = find(INDEXING + ".bisearch", "1m");
    Fixture million = fixtures.apply("1m");
    rows.add(
        atLeast(
            "indexing 1M generated entries, 2 cores",
            15_000,
            indexing == null || million == null
                ? Double.NaN
                : million.entries() / seconds(indexing),
            v -> String.format(Locale.ROOT, "%,.0f entries/s", v)));
    rows.add(
        atMost(
            "1M index size ÷ single-field baseline's",
            2,
            million == null
                ? Double.NaN
                : million.indexBytes() / (double) million.singleFieldBytes(),
            ReportWriter::ratio));
    rows.add(
        atMost(
            "cold start `./search-cli \"虚拟机 hypervisor\"`, median",
            300,
            coldStart == null ? Double.NaN : coldStart.medianMs(),
            v -> String.format(Locale.ROOT, "%.0f ms", v)));
    return rows;
  }

  private String atMost(
      String target, double limit, double measured, Function<Double, String> format) {
    String result;
    if (Double.isNaN(measured)) {
      result = notMeasured();
    } else if (measured <= limit) {
      result =
          String.format(
              Locale.ROOT,
              "met, %s (%.0f%%) under",
              format.apply(limit - measured),
              100 * (limit - measured) / limit);
    } else {
      result =
          measured > 2 * limit
              ? String.format(
                  Locale.ROOT,
                  "**missed** by %s (%.1f× the limit)",
                  format.apply(measured - limit),
                  measured / limit)
              : String.format(
                  Locale.ROOT,
                  "**missed** by %s (%.0f%% over)",
                  format.apply(measured - limit),
                  100 * (measured - limit) / limit);
    }
    return row(
        target,
        "≤ " + format.apply(limit),
        Double.isNaN(measured) ? "–" : format.apply(measured),
        result);
  }

  private String atLeast(
      String target, double limit, double measured, Function<Double, String> format) {
    String result;
    if (Double.isNaN(measured)) {
      result = notMeasured();
    } else if (measured >= limit) {
      result =
          String.format(
              Locale.ROOT,
              "met, %s (%.0f%%) over",
              format.apply(measured - limit),
              100 * (measured - limit) / limit);
    } else {
      result =
          String.format(
              Locale.ROOT,
              "**missed** by %s (%.0f%% short)",
              format.apply(limit - measured),
              100 * (limit - measured) / limit);
    }
    return row(
        target,
        "≥ " + format.apply(limit),
        Double.isNaN(measured) ? "–" : format.apply(measured),
        result);
  }

  private String notMeasured() {
    return quick ? "not measured (quick mode)" : "not measured";
  }

  /** One row per workload of the end-to-end benchmark. */
  List<String> latencyRows() {
    List<String> rows =
        header(
            "workload",
            "bisearch mean",
            "median",
            "error",
            "floor",
            "÷ floor",
            "TopDocs only",
            "1 term per concept",
            "naive smartcn",
            "÷ naive");
    for (String workload : workloads(LATENCY + ".bisearch")) {
      JmhResult e2e = find(LATENCY + ".bisearch", workload);
      JmhResult floor = find(LATENCY + ".luceneFloor", workload);
      JmhResult topDocs = find(LATENCY + ".luceneTopDocs", workload);
      JmhResult oneTerm = find(LATENCY + ".luceneOneTermPerConcept", workload);
      JmhResult naive = find(NAIVE + ".smartChineseSingleField", workload);
      rows.add(
          row(
              "`" + workload + "`",
              time(e2e.micros()),
              time(e2e.medianMicros()),
              Double.isNaN(e2e.error()) ? "–" : "± " + time(e2e.errorMicros()),
              floor == null ? "–" : time(floor.micros()),
              floor == null ? "–" : ratio(e2e.micros() / floor.micros()),
              topDocs == null ? "–" : time(topDocs.micros()),
              oneTerm == null ? "–" : time(oneTerm.micros()),
              naive == null ? "–" : time(naive.micros()),
              naive == null ? "–" : ratio(e2e.micros() / naive.micros())));
    }
    return rows;
  }

  /** One row per workload of the parts benchmark. */
  List<String> partsRows() {
    List<String> rows =
        header("workload", "analysis + translation", "search", "highlighting", "sum", "end to end");
    for (String workload : workloads(PARTS + ".analysis")) {
      double analysis = micros(find(PARTS + ".analysis", workload));
      double search = micros(find(PARTS + ".search", workload));
      double highlight = micros(find(PARTS + ".highlight", workload));
      rows.add(
          row(
              "`" + workload + "`",
              time(analysis),
              time(search),
              time(highlight),
              time(analysis + search + highlight),
              time(micros(find(LATENCY + ".bisearch", workload)))));
    }
    return rows;
  }

  /** One row per indexing benchmark and corpus. */
  List<String> indexingRows() {
    List<String> rows =
        header(
            "engine",
            "corpus",
            "entries",
            "markdown",
            "mean per shot",
            "shots",
            "entries/s",
            "MB/s",
            "index size",
            "÷ single-field");
    for (JmhResult r : results) {
      if (!r.benchmark().startsWith(INDEXING + ".")) {
        continue;
      }
      String corpus = r.params().get("indexedCorpus");
      Fixture fixture = fixtures.apply(corpus);
      boolean baseline = !r.benchmark().endsWith(".bisearch");
      double secs = seconds(r);
      long size =
          fixture == null ? -1 : baseline ? fixture.singleFieldBytes() : fixture.indexBytes();
      rows.add(
          row(
              baseline ? "single-field smartcn, 2 threads" : "bisearch `add`",
              corpus,
              fixture == null ? "–" : String.format(Locale.ROOT, "%,d", fixture.entries()),
              fixture == null ? "–" : megabytes(fixture.markdownBytes()),
              String.format(Locale.ROOT, "%.1f s", secs),
              shots(r),
              fixture == null ? "–" : String.format(Locale.ROOT, "%,.0f", fixture.entries() / secs),
              fixture == null
                  ? "–"
                  : String.format(Locale.ROOT, "%.2f", fixture.markdownBytes() / 1e6 / secs),
              size < 0 ? "–" : megabytes(size),
              size < 0 ? "–" : ratio(size / (double) fixture.singleFieldBytes())));
    }
    return rows;
  }

  /** Each measured shot's time in seconds, in the order measured; a dash if JMH gave none. */
  private static String shots(JmhResult r) {
    if (r.iterations().isEmpty()) {
      return "–";
    }
    StringJoiner shots = new StringJoiner(", ");
    for (double micros : r.iterationMicros()) {
      shots.add(String.format(Locale.ROOT, "%.1f s", micros / 1e6));
    }
    return shots.toString();
  }

  /** One row per analysis chain. */
  List<String> analyzerRows() {
    List<String> rows = header("chain", "texts/s", "chars/s", "÷ SmartChineseAnalyzer");
    JmhResult smartcn = find(ANALYZERS + ".smartChineseBaseline", null);
    for (JmhResult r : results) {
      if (!r.benchmark().startsWith(ANALYZERS + ".")) {
        continue;
      }
      double chars = r.secondary().getOrDefault("chars", Double.NaN);
      double base = smartcn == null ? Double.NaN : smartcn.secondary().get("chars");
      rows.add(
          row(
              r.benchmark().substring(ANALYZERS.length() + 1),
              String.format(Locale.ROOT, "%,.1f", r.score()),
              String.format(Locale.ROOT, "%,.0f", chars),
              Double.isNaN(base) ? "–" : ratio(chars / base)));
    }
    return rows;
  }

  /** The cold-start script's result, if it ran. */
  List<String> coldStartRows() {
    List<String> rows = header("command", "runs", "median", "floor median", "java", "date");
    if (coldStart != null) {
      rows.add(
          row(
              "`" + coldStart.command() + "`",
              Integer.toString(coldStart.runs()),
              String.format(Locale.ROOT, "%.0f ms", coldStart.medianMs()),
              Double.isNaN(coldStart.floorMedianMs())
                  ? "–"
                  : String.format(Locale.ROOT, "%.0f ms", coldStart.floorMedianMs()),
              coldStart.java(),
              coldStart.date()));
    }
    return rows;
  }

  private static String queryLists() {
    StringBuilder out = new StringBuilder();
    out.append("| class | bundled corpus | generated corpora (seed 42) |\n|---|---|---|\n");
    for (String queryClass : List.of("target", "chinese", "english", "mixed", "cross", "phrase")) {
      out.append(row(queryClass, quoted(true, queryClass), quoted(false, queryClass))).append('\n');
    }
    return out.toString();
  }

  private static String quoted(boolean bundled, String queryClass) {
    List<String> queries = Workload.queries(bundled, queryClass);
    if (queries.isEmpty()) {
      return "–";
    }
    List<String> shown = new ArrayList<>();
    queries.forEach(q -> shown.add("`" + q + "`"));
    return String.join(", ", shown);
  }

  /** The workloads that {@code benchmark} ran, in result order. */
  List<String> workloads(String benchmark) {
    Set<String> workloads = new LinkedHashSet<>();
    for (JmhResult r : results) {
      if (r.benchmark().equals(benchmark)) {
        workloads.add(workload(r));
      }
    }
    return new ArrayList<>(workloads);
  }

  /** The results of one benchmark, by workload, for the charts. */
  Map<String, Double> micros(String benchmark) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (JmhResult r : results) {
      if (r.benchmark().equals(benchmark)) {
        scores.put(workload(r), r.micros());
      }
    }
    return scores;
  }

  List<JmhResult> results() {
    return results;
  }

  Function<String, Fixture> fixtures() {
    return fixtures;
  }

  /** The result of {@code benchmark} with the given workload, corpus or no parameter; or null. */
  JmhResult find(String benchmark, String workload) {
    for (JmhResult r : results) {
      if (r.benchmark().equals(benchmark) && (workload == null || workload.equals(workload(r)))) {
        return r;
      }
    }
    return null;
  }

  private static String workload(JmhResult r) {
    return r.params().isEmpty() ? "" : r.params().values().iterator().next();
  }

  private static double micros(JmhResult r) {
    return r == null ? Double.NaN : r.micros();
  }

  private static double seconds(JmhResult r) {
    return r.micros() / 1e6;
  }

  /** A time in microseconds, in µs below a millisecond and in ms from there. */
  static String time(double micros) {
    if (Double.isNaN(micros)) {
      return "–";
    }
    if (micros < 10) {
      return String.format(Locale.ROOT, "%.2f µs", micros);
    }
    if (micros < 1000) {
      return String.format(Locale.ROOT, "%.1f µs", micros);
    }
    return String.format(Locale.ROOT, "%.2f ms", micros / 1000);
  }

  static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static List<String> header(String... columns) {
    List<String> rows = new ArrayList<>();
    rows.add(row(columns));
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < columns.length; i++) {
      rule.append(i == 0 ? "---|" : "---:|");
    }
    rows.add(rule.toString());
    return rows;
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }
}
