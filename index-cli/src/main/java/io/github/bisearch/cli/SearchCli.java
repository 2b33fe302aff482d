package io.github.bisearch.cli;

import io.github.bisearch.BiSearch;
import io.github.bisearch.BiSearchException;
import io.github.bisearch.Language;
import io.github.bisearch.SearchFilter;
import io.github.bisearch.SearchResult;
import io.github.bisearch.query.BilingualQueryBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search-cli QUERY}: searches an index, or the bundled corpus when none is named. */
@Command(
    name = "search-cli",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    subcommands = {
      IndexCommand.class,
      StatsCommand.class,
      ShellCommand.class,
      AnalyzeCommand.class,
      EvalCommand.class,
      CompletionCommand.class
    },
    description = {
      "Searches Chinese and English markdown with one query: each word also matches its"
          + " translation.",
      "用一个查询同时搜索中文和英文 Markdown：每个词也会匹配它的译文。",
      "Without --index, searches the bundled corpus (an awesome list about Docker)."
    },
    footer = {
      "",
      "Examples / 示例:",
      "  search-cli \"虚拟机 hypervisor\"",
      "  search-cli \"operating system\" --lang zh",
      "  search-cli 容器编排 --format tsv --fields rank,title,url",
      "  search-cli index --index ./idx docs/",
      "  search-cli --solr http://localhost:8983/solr --collection docs 容器编排",
      "  search-cli --index ./idx --json -n 5 容器编排",
      "  search-cli --explain \"kubernets 架构\"",
      "  printf '虚拟机\\nhypervisor\\n' | search-cli --json --batch",
      "",
      "Exit codes: 0 success (also when nothing matched), 1 error, 2 usage error."
    })
public final class SearchCli implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_ERROR = 1;
  static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory to search (built with 'search-cli index').")
  Path index;

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Search a Solr collection made with the bisearch configset instead, at Solr's base url"
              + " (such as http://localhost:8983/solr); needs --collection.")
  String solr;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "The Solr collection to search (with --solr).")
  String collection;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "10",
      description = "Number of hits to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: text, json, jsonl (one hit per line) or tsv.")
  String format;

  @Option(
      names = "--fields",
      paramLabel = "LIST",
      description =
          "Comma-separated fields for json, jsonl or tsv output (default: all; for tsv"
              + " rank,score,title,url,section,source,line,lang).")
  String fields;

  @Option(
      names = "--section",
      paramLabel = "TEXT",
      description = "Only entries whose section path contains these words.")
  String section;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description = "Only entries in this language: zh, en or mixed.")
  String lang;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always"
              + " or never.")
  String color;

  @Option(
      names = "--glossary",
      paramLabel = "FILE",
      description = "Extra glossary file (Chinese terms TAB English terms per line); repeatable.")
  List<Path> glossaries = new ArrayList<>();

  @Option(
      names = "--dictionary",
      paramLabel = "FILE",
      description = "Extra dictionary in CC-CEDICT's text format; repeatable.")
  List<Path> dictionaries = new ArrayList<>();

  @Option(names = "--no-translate", description = "Match the query's words only as written.")
  boolean noTranslate;

  @Option(
      names = "--explain",
      description = "Show the query's concepts and translations, and why each hit matched.")
  boolean explain;

  @Option(
      names = "--batch",
      description = "Read one query per line from stdin; print one compact JSON result per line.")
  boolean batch;

  /** Where {@code --batch} reads queries from. */
  private final InputStream in;

  SearchCli(InputStream in) {
    this.in = in;
  }

  /** For tools that create commands reflectively (the man page generator): stdin is System.in. */
  public SearchCli() {
    this(System.in);
  }

  /** Standard input as given to {@link #run}: {@code shell} reads its lines from it. */
  InputStream input() {
    return in;
  }

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Words to search for.")
  List<String> words = new ArrayList<>();

  /**
   * Lucene reports through java.util.logging how it maps files and whether it could use a newer
   * JVM's vector API; a command-line user cannot act on either, so they are kept off stderr (real
   * failures arrive as exceptions). Held here so that the logger, and its level, is not
   * garbage-collected.
   */
  private static final Logger LUCENE = Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    StartupTrace.mark("main");
    preloadForSearch(args);
    LUCENE.setLevel(Level.SEVERE);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, System.in, out, err));
  }

  /** Commands that search nothing: they need neither glossary nor query analysis. */
  private static final Set<String> NOT_SEARCHING = Set.of("index", "stats", "generate-completion");

  /**
   * Starts loading the glossary and the query analysis table on a second thread when the command
   * line asks for a search: they take about as long as parsing the command line, which the main
   * thread does meanwhile. {@code -Dbisearch.preload=false} turns it off (to measure it).
   */
  private static void preloadForSearch(String[] args) {
    if ((args.length > 0 && NOT_SEARCHING.contains(args[0]))
        || "false".equals(System.getProperty("bisearch.preload"))) {
      return;
    }
    Thread preload = new Thread(BilingualQueryBuilder::preload, "bisearch-preload");
    preload.setDaemon(true);
    preload.start();
  }

  /** Runs the program with the given output streams and returns its exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, InputStream.nullInputStream(), out, err);
  }

  /** Runs the program reading {@code --batch} queries from {@code in}. */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new SearchCli(in));
    // "-word" excludes a word: it is part of the query, not an unknown option. Only here: the
    // subcommands keep rejecting what they do not know.
    cli.getCommandSpec().parser().unmatchedOptionsArePositionalParams(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, given) -> {
          String message = firstLine(e.getMessage());
          // picocli says "Error: " before some messages; ours all start with "search-cli: ".
          err.println(
              "search-cli: "
                  + (message.startsWith("Error: ")
                      ? message.substring("Error: ".length())
                      : message));
          err.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("search-cli: " + message(e));
          err.flush();
          return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_ERROR;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(
          "search-cli: out of memory; give Java more with BISEARCH_JAVA_OPTS=-Xmx4g (or more)");
      err.flush();
      return EXIT_ERROR;
    } catch (StackOverflowError e) {
      err.println("search-cli: input nested too deeply; give Java a larger stack with -Xss16m");
      err.flush();
      return EXIT_ERROR;
    }
  }

  @Override
  public Integer call() throws IOException {
    for (String word : words) {
      if (word.startsWith("--") && word.length() > 2) {
        throw new IllegalArgumentException("Unknown option: '" + word + "'");
      }
    }
    String query = String.join(" ", words);
    if (batch && !words.isEmpty()) {
      throw new IllegalArgumentException("--batch reads queries from stdin: give no QUERY");
    }
    if (!batch && isBlank(query)) {
      throw new IllegalArgumentException("query is empty (try: search-cli \"虚拟机 hypervisor\")");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be 0 or more, not " + limit);
    }
    String chosen = outputFormat();
    List<HitField> columns = columns(chosen);
    SearchFilter filter = filter();
    TextOutput.Style style = style();
    hintAtMistypedCommand();
    if (solr != null || collection != null) {
      return searchSolr(query, chosen, columns, filter, style);
    }
    StartupTrace.mark("command line parsed");
    try (BiSearch search = open(index, noTranslate)) {
      StartupTrace.mark("index ready");
      PrintWriter out = spec.commandLine().getOut();
      if (batch) {
        runBatch(search, filter, out);
      } else {
        SearchResult result = search.search(query, limit, filter);
        StartupTrace.mark("searched");
        print(search, result, chosen, columns, explain, style, terminalWidth(), out);
      }
      out.flush();
      StartupTrace.mark("printed");
    }
    return EXIT_OK;
  }

  /**
   * Searches through Solr's {@code {!bisearch}} parser. The collection's own glossary applies
   * there, so the options that change translation do not; typo tolerance is the embedded engine's.
   */
  private int searchSolr(
      String query,
      String format,
      List<HitField> columns,
      SearchFilter filter,
      TextOutput.Style style) {
    if (solr == null || collection == null) {
      throw new IllegalArgumentException("--solr and --collection go together: give both");
    }
    if (index != null || batch || section != null) {
      throw new IllegalArgumentException(
          "--solr cannot be combined with --index, --batch or --section");
    }
    if (noTranslate || !glossaries.isEmpty() || !dictionaries.isEmpty()) {
      throw new IllegalArgumentException(
          "--solr translates with the collection's glossary: --glossary, --dictionary and"
              + " --no-translate do not apply");
    }
    SearchResult result =
        new SolrSearcher(solr, collection).search(query, limit, filter.language());
    // Only to explain the query's concepts: an empty index with the built-in glossary.
    try (BiSearch concepts = BiSearch.inMemory()) {
      PrintWriter out = spec.commandLine().getOut();
      print(concepts, result, format, columns, explain, style, terminalWidth(), out);
      out.flush();
    }
    return EXIT_OK;
  }

  /**
   * Prints {@code result} in {@code format} (text, json, jsonl or tsv); shared by the search
   * command and the shell.
   */
  static void print(
      BiSearch search,
      SearchResult result,
      String format,
      List<HitField> columns,
      boolean explain,
      TextOutput.Style style,
      int width,
      PrintWriter out) {
    switch (format) {
      case "json" -> {
        if (explain) {
          JsonOutput.printExplained(result, search.explain(result.query()), out);
        } else {
          JsonOutput.print(result, columns, out);
        }
      }
      case "jsonl" -> JsonOutput.printLines(result, columns, out);
      case "tsv" -> TsvOutput.print(result, columns, out);
      default -> {
        if (explain) {
          TextOutput.printConcepts(search.explain(result.query()), out);
        }
        TextOutput.print(result, out, style, explain, width);
      }
    }
  }

  /** The output format from {@code --format} and {@code --json}. */
  private String outputFormat() {
    if (format == null) {
      return json ? "json" : "text";
    }
    String chosen = format.strip().toLowerCase(Locale.ROOT);
    if (!List.of("text", "json", "jsonl", "tsv").contains(chosen)) {
      throw new IllegalArgumentException(
          "--format must be text, json, jsonl or tsv, not '" + format + "'");
    }
    if (json && !chosen.equals("json")) {
      throw new IllegalArgumentException(
          "--json and --format " + chosen + " contradict each other");
    }
    return chosen;
  }

  private List<HitField> columns(String chosen) {
    if (fields == null) {
      return chosen.equals("tsv") ? HitField.TSV_DEFAULT : List.of(HitField.values());
    }
    if (chosen.equals("text")) {
      throw new IllegalArgumentException("--fields needs --format json, jsonl or tsv");
    }
    return HitField.parse(fields);
  }

  private SearchFilter filter() {
    Language language = null;
    if (lang != null) {
      try {
        language = Language.fromCode(lang.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--lang must be zh, en or mixed, not '" + lang + "'");
      }
    }
    return new SearchFilter(section, language);
  }

  private TextOutput.Style style() {
    String when = color.strip().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "always", "never").contains(when)) {
      throw new IllegalArgumentException(
          "--color must be auto, always or never, not '" + color + "'");
    }
    return TextOutput.Style.choose(when, System.console() != null, System.getenv("NO_COLOR"));
  }

  /**
   * Columns to wrap text output to: the terminal's ({@code COLUMNS}, else 80), or none in a pipe.
   */
  private static int terminalWidth() {
    if (System.console() == null) {
      return 0;
    }
    String columns = System.getenv("COLUMNS");
    try {
      return columns == null ? 80 : Math.max(20, Integer.parseInt(columns.strip()));
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /**
   * A first word one or two letters from a command name is probably a mistyped command: say so on
   * stderr (the words are still searched).
   */
  private void hintAtMistypedCommand() {
    if (words.isEmpty()) {
      return;
    }
    String first = words.get(0).toLowerCase(Locale.ROOT);
    for (String command : spec.subcommands().keySet()) {
      int distance = editDistance(first, command);
      if (distance > 0 && distance <= 2 && first.length() >= 3) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "search-cli: '"
                + words.get(0)
                + "' is not a command; did you mean '"
                + command
                + "'? Searching for it.");
        err.flush();
        return;
      }
    }
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** One compact JSON result per non-blank stdin line, written as soon as it is ready. */
  private void runBatch(BiSearch search, SearchFilter filter, PrintWriter out) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (isBlank(line)) {
        continue;
      }
      JsonOutput.print(search.search(line.strip(), limit, filter), out);
      out.flush();
    }
  }

  /**
   * Opens {@code index}, or the bundled corpus when it is null, with this command's glossary
   * options.
   */
  BiSearch open(Path index, boolean withoutTranslation) {
    BiSearch.Builder builder = BiSearch.builder().translate(!withoutTranslation);
    for (Path glossary : glossaries) {
      builder.glossary(glossary);
    }
    for (Path dictionary : dictionaries) {
      builder.dictionary(dictionary);
    }
    if (index != null) {
      builder.directory(index).create(false);
    }
    return index == null ? BundledCorpus.open(builder) : builder.build();
  }

  static boolean isBlank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  private static String message(Exception e) {
    if (e instanceof BiSearchException || e instanceof IllegalArgumentException) {
      return firstLine(e.getMessage());
    }
    return "unexpected error: " + firstLine(String.valueOf(e));
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String line = message.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline).strip();
  }
}
