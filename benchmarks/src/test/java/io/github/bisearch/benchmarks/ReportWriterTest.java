package io.github.bisearch.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final ReportWriter.Fixture MILLION =
      new ReportWriter.Fixture(1_000_000, 250_000_000, 500_000_000, 200_000_000);

  private static ReportWriter report(boolean quick) throws IOException {
    String json;
    try (InputStream in = ReportWriterTest.class.getResourceAsStream("/jmh-sample.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new ReportWriter(
        JmhResult.parse(json),
        corpus -> corpus.equals("1m") ? MILLION : null,
        new ReportWriter.ColdStart("./search-cli 虚拟机 hypervisor", 15, 280, 90, "17", "today"),
        quick);
  }

  @Test
  void targetsSayMetOrMissedAndByHowMuch() throws IOException {
    assertEquals(
        List.of(
            "| target | limit | measured | result |",
            "|---|---:|---:|---:|",
            "| bundled corpus, `虚拟机 hypervisor`, end to end, mean | ≤ 30.0 µs | 25.0 µs"
                + " | met, 5.00 µs (17%) under |",
            "| 1M entries, mixed, end to end ÷ floor | ≤ 1.50× | 2.00×"
                + " | **missed** by 0.50× (33% over) |",
            "| 1M entries, mixed, end to end, mean | ≤ 2.00 ms | 3.00 ms"
                + " | **missed** by 1.00 ms (50% over) |",
            "| 1M entries, cross, end to end ÷ floor | ≤ 1.50× | 1.25× | met, 0.25× (17%) under |",
            "| 1M entries, cross, end to end, mean | ≤ 2.00 ms | 1.00 ms"
                + " | met, 1.00 ms (50%) under |",
            "| indexing 1M generated entries, 2 cores | ≥ 15,000 entries/s | 20,000 entries/s"
                + " | met, 5,000 entries/s (33%) over |",
            "| 1M index size ÷ single-field baseline's | ≤ 2.00× | 2.50×"
                + " | **missed** by 0.50× (25% over) |",
            "| cold start `./search-cli \"虚拟机 hypervisor\"`, median | ≤ 300 ms | 280 ms"
                + " | met, 20 ms (7%) under |"),
        report(false).targetRows());
  }

  @Test
  void aMissMoreThanTwiceTheLimitIsGivenAsAFactor() throws IOException {
    String json =
        new String(
                ReportWriterTest.class.getResourceAsStream("/jmh-sample.json").readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("\"score\": 25.0", "\"score\": 75.0");
    ReportWriter slow = new ReportWriter(JmhResult.parse(json), corpus -> null, null, false);
    assertEquals(
        "| bundled corpus, `虚拟机 hypervisor`, end to end, mean | ≤ 30.0 µs | 75.0 µs"
            + " | **missed** by 45.0 µs (2.5× the limit) |",
        slow.targetRows().get(2));
  }

  @Test
  void targetsWithoutResultsAreNotMeasuredInQuickMode() throws IOException {
    ReportWriter quick = new ReportWriter(List.of(), corpus -> null, null, true);
    assertEquals(
        "| 1M entries, mixed, end to end, mean | ≤ 2.00 ms | – | not measured (quick mode) |",
        quick.targetRows().get(4));
  }

  @Test
  void latencyRowsGiveRatiosToTheFloorAndTheNaiveBaseline() throws IOException {
    assertEquals(
        List.of(
            "| workload | bisearch mean | median | error | floor | ÷ floor | TopDocs only"
                + " | 1 term per concept | naive smartcn | ÷ naive |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            "| `bundled:target` | 25.0 µs | 24.0 µs | ± 1.50 µs | 20.0 µs | 1.25× | 10.0 µs"
                + " | – | 50.0 µs | 0.50× |",
            "| `1m:mixed` | 3.00 ms | 2.90 ms | ± 100.0 µs | 1.50 ms | 2.00× | – | 1.20 ms | – | – |",
            "| `1m:cross` | 1.00 ms | 1.00 ms | – | 800.0 µs | 1.25× | – | – | – | – |"),
        report(false).latencyRows());
  }

  @Test
  void partsRowsAddUpTheParts() throws IOException {
    assertEquals(
        "| `bundled:target` | 5.00 µs | 8.00 µs | 0.01 µs | 13.0 µs | 25.0 µs |",
        report(false).partsRows().get(2));
  }

  @Test
  void indexingRowsGiveEntriesAndMegabytesPerSecondAndIndexSize() throws IOException {
    assertEquals(
        List.of(
            "| bisearch `add` | 1m | 1,000,000 | 250.0 MB | 50.0 s | 52.0 s, 48.0 s | 20,000 | 5.00"
                + " | 500.0 MB | 2.50× |",
            "| single-field smartcn, 2 threads | 1m | 1,000,000 | 250.0 MB | 40.0 s | 42.0 s,"
                + " 38.0 s | 25,000 | 6.25 | 200.0 MB | 1.00× |"),
        report(false).indexingRows().subList(2, 4));
  }

  @Test
  void analyzerRowsGiveCharactersPerSecond() throws IOException {
    assertEquals(
        List.of(
            "| smartChineseBaseline | 50.0 | 300,000 | 1.00× |",
            "| wordsChain | 40.0 | 240,000 | 0.80× |"),
        report(false).analyzerRows().subList(2, 4));
  }

  @Test
  void settingsRowsCountShotsForSingleShotBenchmarks() throws IOException {
    assertEquals(
        List.of(
            "| AnalyzerBenchmark | thrpt | 2 | 10 × 500 ms | 5 × 1 s | – |",
            "| IndexingBenchmark | ss | 1 | 0 shots | 2 shots | `-Xmx4g -Xss8m` |"),
        report(false).settingsRows().subList(2, 4));
  }

  @Test
  void coldStartIsReadFromTheScriptsJson() {
    ReportWriter.ColdStart cold =
        ReportWriter.coldStart(
            "{\"command\":\"./search-cli \\\"虚拟机 hypervisor\\\"\",\"runs\":15,"
                + "\"medianMs\":412.5,\"floorMedianMs\":88.0,\"samplesMs\":[400,412.5,420],"
                + "\"floorSamplesMs\":[88],\"java\":\"17.0.15\",\"date\":\"2026-11-28\"}");
    assertEquals(
        new ReportWriter.ColdStart(
            "./search-cli \"虚拟机 hypervisor\"", 15, 412.5, 88.0, "17.0.15", "2026-11-28"),
        cold);
  }

  @Test
  void chartsArePngFiles(@TempDir Path dir) throws IOException {
    List<Path> charts = new ReportCharts(report(false)).write(dir);
    assertEquals(
        List.of("latency.png", "latency-ratios.png", "parts.png", "indexing.png", "analyzers.png"),
        charts.stream().map(p -> p.getFileName().toString()).toList());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    for (Path chart : charts) {
      assertArrayEquals(png, Arrays.copyOf(Files.readAllBytes(chart), 4), chart.toString());
    }
  }
}
