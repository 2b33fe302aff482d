package io.github.bisearch.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.bisearch.BiSearch;
import io.github.bisearch.IndexStats;
import io.github.bisearch.Language;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code search-cli stats}: what an index holds, how big it is and when it last changed. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "显示索引的统计：条目、文件、语言、章节、磁盘大小、模式版本和最后提交时间。",
      "Prints what the index in DIR holds: entries, files, entries per language,",
      "sections and the five largest of them; its size on disk, schema version and",
      "last commit time (UTC). Takes no lock: an index can be described while",
      "another process updates it."
    },
    footer = {
      "",
      "Examples / 示例:",
      "  search-cli stats --index ./idx",
      "  search-cli stats --index ./idx --json",
      "",
      "Exit codes: 0 success, 1 error (such as no index in DIR), 2 usage error."
    })
final class StatsCommand implements Callable<Integer> {
  /** Width of the {@code key:} column, so that the values line up. */
  private static final int KEY_WIDTH = "schema version: ".length();

  /** Made on first use: picocli creates this command at every run of search-cli. */
  private static final class GsonHolder {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      required = true,
      description = "Index directory to describe.")
  Path index;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() {
    IndexStats stats;
    try (BiSearch search = BiSearch.builder().directory(index).create(false).build()) {
      stats = search.stats();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(GsonHolder.GSON.toJson(toJson(stats)));
    } else {
      for (String line : lines(stats)) {
        out.println(line);
      }
    }
    out.flush();
    return SearchCli.EXIT_OK;
  }

  /** The text output: one aligned {@code key: value} line per statistic. */
  static List<String> lines(IndexStats stats) {
    List<String> lines = new ArrayList<>();
    lines.add(line("entries", Integer.toString(stats.entries())));
    lines.add(line("files", Integer.toString(stats.files())));
    List<String> languages = new ArrayList<>();
    for (Map.Entry<Language, Integer> language : stats.languages().entrySet()) {
      languages.add(language.getKey().code() + " " + language.getValue());
    }
    lines.add(line("languages", String.join(", ", languages)));
    lines.add(line("sections", Integer.toString(stats.sections())));
    if (stats.topSections().isEmpty()) {
      lines.add(line("top sections", "none"));
    } else {
      int width = Integer.toString(stats.topSections().get(0).entries()).length();
      String key = "top sections";
      for (IndexStats.Section section : stats.topSections()) {
        String count = String.format(Locale.ROOT, "%" + width + "d", section.entries());
        lines.add(line(key, count + "  " + section.name()));
        key = null; // the other sections line up under the first
      }
    }
    lines.add(line("size on disk", size(stats.sizeBytes())));
    lines.add(line("schema version", stats.schemaVersion()));
    lines.add(
        line("last commit", stats.lastCommit() == null ? "never" : stats.lastCommit().toString()));
    return lines;
  }

  /** {@code key: value}, the value in the column after the longest key; no key: only indented. */
  private static String line(String key, String value) {
    String label = key == null ? "" : key + ":";
    return String.format(Locale.ROOT, "%-" + KEY_WIDTH + "s%s", label, value);
  }

  /** Bytes, and in binary units from 1 KiB on: {@code 48213 bytes (47.1 KiB)}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes / 1024.0;
    int unit = 0;
    // 1023.95 and more would be shown as 1024.0 of a unit: that is 1.0 of the next one.
    while (value >= 1023.95 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%d bytes (%.1f %s)", bytes, value, units[unit]);
  }

  /** The JSON output: the same statistics, sizes in bytes. */
  static JsonObject toJson(IndexStats stats) {
    JsonObject root = new JsonObject();
    root.addProperty("entries", stats.entries());
    root.addProperty("files", stats.files());
    JsonObject languages = new JsonObject();
    for (Map.Entry<Language, Integer> language : stats.languages().entrySet()) {
      languages.addProperty(language.getKey().code(), language.getValue());
    }
    root.add("languages", languages);
    root.addProperty("sections", stats.sections());
    JsonArray top = new JsonArray();
    for (IndexStats.Section section : stats.topSections()) {
      JsonObject s = new JsonObject();
      s.addProperty("section", section.name());
      s.addProperty("entries", section.entries());
      top.add(s);
    }
    root.add("top_sections", top);
    root.addProperty("size_bytes", stats.sizeBytes());
    root.addProperty("schema_version", stats.schemaVersion());
    root.addProperty(
        "last_commit", stats.lastCommit() == null ? null : stats.lastCommit().toString());
    return root;
  }
}
