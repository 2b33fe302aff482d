package io.github.bisearch.cli;

import io.github.bisearch.BiSearch;
import io.github.bisearch.BiSearchException;
import io.github.bisearch.SearchResult;
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
    subcommands = {IndexCommand.class, AnalyzeCommand.class, EvalCommand.class, ShellCommand.class},
    description = {
      "Searches Chinese and English markdown with one query: each word also matches its"
          + " translation.",
      "Without --index, searches the bundled corpus (an awesome list about Docker)."
    },
    footer = {
      "",
      "Examples:",
      "  search-cli \"虚拟机 hypervisor\"",
      "  search-cli index --index ./idx docs/",
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
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "10",
      description = "Number of hits to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

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

  /** Standard input as given to {@link #run}: {@code shell} reads its lines from it. */
  InputStream input() {
    return in;
  }

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Words to search for.")
  List<String> words = new ArrayList<>();

  /**
   * Lucene tells newer JVMs through java.util.logging that it could use their vector API; a
   * command-line user cannot act on that, so it is kept off stderr. Held here so that the logger
   * (and its level) is not garbage-collected.
   */
  private static final Logger LUCENE_VECTORS =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    LUCENE_VECTORS.setLevel(Level.SEVERE);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, System.in, out, err));
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
          err.println("search-cli: " + firstLine(e.getMessage()));
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
    try (BiSearch search = open(index, noTranslate)) {
      PrintWriter out = spec.commandLine().getOut();
      if (batch) {
        runBatch(search, out);
      } else {
        SearchResult result = search.search(query, limit);
        if (json && explain) {
          JsonOutput.printExplained(result, search.explain(query), out);
        } else if (json) {
          JsonOutput.print(result, out);
        } else {
          if (explain) {
            TextOutput.printConcepts(search.explain(query), out);
          }
          TextOutput.print(result, out, TextOutput.Style.detect(), explain);
        }
      }
      out.flush();
    }
    return EXIT_OK;
  }

  /** One compact JSON result per non-blank stdin line, written as soon as it is ready. */
  private void runBatch(BiSearch search, PrintWriter out) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (isBlank(line)) {
        continue;
      }
      JsonOutput.print(search.search(line.strip(), limit), out);
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
    BiSearch search = builder.build();
    if (index == null) {
      BundledCorpus.addTo(search);
    }
    return search;
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
