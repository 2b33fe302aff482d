package io.github.bisearch.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark result from JMH's JSON output ({@code -rf json}): what ran, how, and its score.
 *
 * @param benchmark class and method, without the package ({@code QueryLatencyBenchmark.bisearch})
 * @param params JMH parameters, in JSON order
 * @param score the mean over all measured iterations of all forks
 * @param error half the 99.9% confidence interval; NaN when there were too few iterations
 * @param median the median iteration score; NaN if JMH gave no percentiles
 * @param iterations every measured iteration's score, fork after fork, in the order measured; empty
 *     if JMH gave none
 * @param unit JMH's unit, such as {@code us/op}, {@code s/op} or {@code ops/s}
 * @param secondary the scores of secondary metrics such as {@code @AuxCounters}, by name
 */
record JmhResult(
    String benchmark,
    String mode,
    Map<String, String> params,
    double score,
    double error,
    double median,
    List<Double> iterations,
    String unit,
    Map<String, Double> secondary,
    Settings settings) {

  /** How a benchmark was run. */
  record Settings(
      int forks,
      int warmupIterations,
      String warmupTime,
      int measurementIterations,
      String measurementTime,
      String jdkVersion,
      String vmName,
      String vmVersion,
      List<String> jvmArgs) {}

  /** Every result in JMH JSON files, in file order. */
  static List<JmhResult> read(List<Path> files) throws IOException {
    List<JmhResult> results = new ArrayList<>();
    for (Path file : files) {
      results.addAll(parse(Files.readString(file, StandardCharsets.UTF_8)));
    }
    return results;
  }

  /** The results in one JMH JSON document. */
  static List<JmhResult> parse(String json) {
    List<JmhResult> results = new ArrayList<>();
    for (JsonElement element : JsonParser.parseString(json).getAsJsonArray()) {
      results.add(of(element.getAsJsonObject()));
    }
    return results;
  }

  private static JmhResult of(JsonObject run) {
    String name = run.get("benchmark").getAsString();
    int method = name.lastIndexOf('.');
    int type = name.lastIndexOf('.', method - 1);
    Map<String, String> params = new LinkedHashMap<>();
    if (run.has("params")) {
      for (Map.Entry<String, JsonElement> param : run.getAsJsonObject("params").entrySet()) {
        params.put(param.getKey(), param.getValue().getAsString());
      }
    }
    JsonObject primary = run.getAsJsonObject("primaryMetric");
    Map<String, Double> secondary = new LinkedHashMap<>();
    if (run.has("secondaryMetrics")) {
      for (Map.Entry<String, JsonElement> metric :
          run.getAsJsonObject("secondaryMetrics").entrySet()) {
        secondary.put(metric.getKey(), number(metric.getValue().getAsJsonObject().get("score")));
      }
    }
    List<String> jvmArgs = new ArrayList<>();
    if (run.has("jvmArgs")) {
      JsonArray args = run.getAsJsonArray("jvmArgs");
      args.forEach(arg -> jvmArgs.add(arg.getAsString()));
    }
    Settings settings =
        new Settings(
            run.get("forks").getAsInt(),
            run.get("warmupIterations").getAsInt(),
            text(run, "warmupTime"),
            run.get("measurementIterations").getAsInt(),
            text(run, "measurementTime"),
            text(run, "jdkVersion"),
            text(run, "vmName"),
            text(run, "vmVersion"),
            List.copyOf(jvmArgs));
    JsonObject percentiles = primary.getAsJsonObject("scorePercentiles");
    List<Double> iterations = new ArrayList<>();
    if (primary.has("rawData")) {
      for (JsonElement fork : primary.getAsJsonArray("rawData")) {
        fork.getAsJsonArray().forEach(score -> iterations.add(number(score)));
      }
    }
    return new JmhResult(
        name.substring(type + 1),
        run.get("mode").getAsString(),
        params,
        number(primary.get("score")),
        number(primary.get("scoreError")),
        percentiles != null && percentiles.has("50.0")
            ? number(percentiles.get("50.0"))
            : Double.NaN,
        List.copyOf(iterations),
        primary.get("scoreUnit").getAsString(),
        secondary,
        settings);
  }

  /** JMH writes NaN as the string {@code "NaN"}. */
  private static double number(JsonElement value) {
    return value == null || value.isJsonNull()
        ? Double.NaN
        : Double.parseDouble(value.getAsString());
  }

  private static String text(JsonObject run, String key) {
    return run.has(key) ? run.get(key).getAsString() : "";
  }

  /** The score converted to microseconds per operation; NaN for a throughput unit. */
  double micros() {
    return toMicros(score);
  }

  /** Every measured iteration's score converted to microseconds per operation, in order. */
  List<Double> iterationMicros() {
    return iterations.stream().map(this::toMicros).toList();
  }

  /** The median converted to microseconds per operation. */
  double medianMicros() {
    return toMicros(median);
  }

  /** The error converted to microseconds per operation. */
  double errorMicros() {
    return toMicros(error);
  }

  private double toMicros(double value) {
    return switch (unit) {
      case "ns/op" -> value / 1e3;
      case "us/op" -> value;
      case "ms/op" -> value * 1e3;
      case "s/op" -> value * 1e6;
      default -> Double.NaN;
    };
  }
}
