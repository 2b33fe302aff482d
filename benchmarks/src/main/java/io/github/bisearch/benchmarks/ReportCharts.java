package io.github.bisearch.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The report's bar charts, as PNG files. Labels are ASCII only: the chart fonts of a headless JVM
 * may have no Chinese glyphs.
 */
final class ReportCharts {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 500;

  private final ReportWriter report;

  ReportCharts(ReportWriter report) {
    this.report = report;
  }

  /** Writes every chart that has data into {@code dir}; returns the files written. */
  List<Path> write(Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<Path> written = new ArrayList<>();
    Map<String, Double> e2e = report.micros(ReportWriter.LATENCY + ".bisearch");
    if (!e2e.isEmpty()) {
      CategoryChart chart = chart("Query latency, mean (log scale)", "workload", "microseconds");
      Map<String, Double> floor = report.micros(ReportWriter.LATENCY + ".luceneFloor");
      // From microseconds to milliseconds: a log axis, whose bars must start above 0.
      double lowest = e2e.values().stream().mapToDouble(Double::doubleValue).min().orElse(1);
      lowest =
          Math.min(
              lowest, floor.values().stream().mapToDouble(Double::doubleValue).min().orElse(1));
      chart.getStyler().setYAxisLogarithmic(true);
      chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest))));
      add(chart, "bisearch end to end", e2e, e2e);
      if (floor.keySet().containsAll(e2e.keySet())) {
        add(chart, "raw Lucene floor", floor, e2e);
      }
      written.add(save(chart, dir, "latency"));

      CategoryChart ratios = chart("bisearch end to end / baseline", "workload", "ratio");
      add(ratios, "/ raw Lucene floor", ratios(e2e, floor), e2e);
      add(
          ratios,
          "/ naive smartcn",
          ratios(e2e, report.micros(ReportWriter.NAIVE + ".smartChineseSingleField")),
          e2e);
      written.add(save(ratios, dir, "latency-ratios"));
    }
    Map<String, Double> analysis = report.micros(ReportWriter.PARTS + ".analysis");
    if (!analysis.isEmpty()) {
      // Shares, not times: the workloads' times differ a hundredfold.
      Map<String, Double> search = report.micros(ReportWriter.PARTS + ".search");
      Map<String, Double> highlight = report.micros(ReportWriter.PARTS + ".highlight");
      CategoryChart chart = chart("Parts of a search, share of their sum", "workload", "percent");
      chart.getStyler().setStacked(true);
      add(chart, "analysis + translation", shares(analysis, analysis, search, highlight), analysis);
      add(chart, "search", shares(search, analysis, search, highlight), analysis);
      add(chart, "highlighting", shares(highlight, analysis, search, highlight), analysis);
      written.add(save(chart, dir, "parts"));
    }
    List<String> engines = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (JmhResult r : report.results()) {
      if (r.benchmark().startsWith(ReportWriter.INDEXING + ".")) {
        ReportWriter.Fixture fixture = report.fixtures().apply(r.params().get("indexedCorpus"));
        if (fixture != null) {
          engines.add(r.benchmark().substring(ReportWriter.INDEXING.length() + 1));
          rates.add(fixture.entries() / (r.micros() / 1e6));
        }
      }
    }
    if (!engines.isEmpty()) {
      CategoryChart chart = chart("Indexing throughput", "engine", "entries per second");
      chart.addSeries("entries/s", engines, rates);
      written.add(save(chart, dir, "indexing"));
    }
    List<String> chains = new ArrayList<>();
    List<Double> chars = new ArrayList<>();
    for (JmhResult r : report.results()) {
      if (r.benchmark().startsWith(ReportWriter.ANALYZERS + ".")) {
        chains.add(r.benchmark().substring(ReportWriter.ANALYZERS.length() + 1));
        chars.add(r.secondary().getOrDefault("chars", 0.0));
      }
    }
    if (!chains.isEmpty()) {
      CategoryChart chart = chart("Analyzer throughput", "chain", "characters per second");
      chart.addSeries("chars/s", chains, chars);
      written.add(save(chart, dir, "analyzers"));
    }
    return written;
  }

  /** Each workload's {@code part} as a percentage of the sum of {@code parts}. */
  @SafeVarargs
  private static Map<String, Double> shares(
      Map<String, Double> part, Map<String, Double>... parts) {
    Map<String, Double> shares = new LinkedHashMap<>();
    part.forEach(
        (workload, value) -> {
          double sum = 0;
          for (Map<String, Double> each : parts) {
            sum += each.getOrDefault(workload, 0.0);
          }
          shares.put(workload, 100 * value / sum);
        });
    return shares;
  }

  private static Map<String, Double> ratios(Map<String, Double> top, Map<String, Double> bottom) {
    Map<String, Double> ratios = new LinkedHashMap<>();
    top.forEach(
        (workload, value) -> {
          Double base = bottom.get(workload);
          if (base != null) {
            ratios.put(workload, value / base);
          }
        });
    return ratios;
  }

  private static CategoryChart chart(String title, String x, String y) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setXAxisLabelRotation(30);
    return chart;
  }

  /** Adds a series over the categories of {@code axis}, with 0 where it has no value. */
  private static void add(
      CategoryChart chart, String name, Map<String, Double> values, Map<String, Double> axis) {
    if (values.isEmpty()) {
      return;
    }
    List<String> categories = new ArrayList<>(axis.keySet());
    List<Double> series = new ArrayList<>();
    for (String category : categories) {
      Double value = values.get(category);
      series.add(value == null || value.isNaN() ? 0.0 : value);
    }
    chart.addSeries(name, categories, series);
  }

  private static Path save(CategoryChart chart, Path dir, String name) throws IOException {
    Path file = dir.resolve(name + ".png");
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }
}
