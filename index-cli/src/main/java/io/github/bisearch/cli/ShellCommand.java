package io.github.bisearch.cli;

import io.github.bisearch.BiSearch;
import io.github.bisearch.BiSearchException;
import io.github.bisearch.SearchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code search-cli shell}: a prompt that searches an index kept open between queries. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "交互式搜索：索引只打开一次，输入的每一行立即搜索。",
      "Searches each line typed at a prompt, with the index opened only once.",
      "Up and down arrows recall earlier lines, kept in ~/.bisearch_history.",
      "Type :help for the commands; :quit or Ctrl-D leaves. Lines piped in are",
      "searched one by one, with no prompt."
    },
    footer = {
      "",
      "Examples / 示例:",
      "  search-cli shell",
      "  search-cli --glossary terms.tsv shell --index ./idx",
      "  printf 'hypervisor\\n:n 1\\n虚拟机\\n' | search-cli shell"
    })
final class ShellCommand implements Callable<Integer> {
  /** Names the history file in place of {@code ~/.bisearch_history}. */
  static final String HISTORY_PROPERTY = "bisearch.history";

  private static final String PROMPT = "bisearch> ";

  private static final String HELP =
      String.join(
          System.lineSeparator(),
          "Type words to search for them. Commands:",
          "  :n COUNT          number of hits to show",
          "  :explain on|off   show the query's concepts and why each hit matched",
          "  :json on|off      print one JSON object per query",
          "  :help             this list",
          "  :quit, :q         leave (also Ctrl-D)");

  /**
   * JLine logs each failure to read or write the history file with a stack trace; the shell says it
   * in one line instead, once, and goes on searching. Held so that the level is kept.
   */
  private static final Logger JLINE = Logger.getLogger("org.jline");

  @Spec CommandSpec spec;

  @ParentCommand SearchCli parent;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory to search (default: the bundled corpus).")
  Path index;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      description = "Number of hits to show at first (default: as before 'shell', or 10).")
  Integer startLimit;

  @Option(names = "--json", description = "Start with JSON output.")
  boolean startJson;

  @Option(names = "--explain", description = "Start with explanations on.")
  boolean startExplain;

  private int limit;
  private boolean json;
  private boolean explain;

  @Override
  public Integer call() throws IOException {
    limit = startLimit != null ? startLimit : parent.limit;
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be 0 or more, not " + limit);
    }
    JLINE.setLevel(Level.OFF);
    json = startJson || parent.json;
    explain = startExplain || parent.explain;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TextOutput.Style style = TextOutput.Style.detect();
    try (BiSearch search = parent.open(index != null ? index : parent.index, parent.noTranslate);
        Terminal terminal = terminal(parent.input())) {
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("bisearch")
              .variable(LineReader.HISTORY_FILE, historyFile())
              // A query is text, not a shell line: '!' recalls no event, '\' escapes nothing.
              .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
              .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
              .build();
      boolean more = true;
      while (more) {
        String line;
        try {
          line = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          // Ctrl-D, or the end of a stream, whose last line may lack its newline.
          line = e.getPartialLine() == null ? "" : e.getPartialLine();
          more = false;
        }
        try {
          more = run(line, search, out, style) && more;
        } catch (IllegalArgumentException | BiSearchException e) {
          err.println("search-cli: " + SearchCli.firstLine(e.getMessage()));
        }
        out.flush();
        err.flush();
      }
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        err.println("search-cli: history not saved: " + SearchCli.firstLine(e.getMessage()));
        err.flush();
      }
    }
    return SearchCli.EXIT_OK;
  }

  /** Obeys one line, a command or a query; false when it asks to leave. */
  private boolean run(String line, BiSearch search, PrintWriter out, TextOutput.Style style) {
    if (SearchCli.isBlank(line)) {
      return true;
    }
    String text = line.strip();
    if (!text.startsWith(":")) {
      print(search, text, out, style);
      return true;
    }
    String[] words = text.split(" +", 2);
    String argument = words.length > 1 ? words[1].strip() : "";
    switch (words[0]) {
      case ":quit", ":q" -> {
        return false;
      }
      case ":help" -> out.println(HELP);
      case ":n" -> limit = count(argument);
      case ":explain" -> explain = onOff(":explain", argument);
      case ":json" -> json = onOff(":json", argument);
      default ->
          throw new IllegalArgumentException(
              "unknown command '" + words[0] + "' (type :help for the list)");
    }
    return true;
  }

  /** Searches like {@code search-cli QUERY} with this shell's settings. */
  private void print(BiSearch search, String query, PrintWriter out, TextOutput.Style style) {
    SearchResult result = search.search(query, limit);
    SearchCli.print(
        search, result, json ? "json" : "text", List.of(HitField.values()), explain, style, 0, out);
  }

  private static int count(String argument) {
    try {
      int count = Integer.parseInt(argument);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Falls through to the message below.
    }
    throw new IllegalArgumentException(":n takes a count of 0 or more, not '" + argument + "'");
  }

  private static boolean onOff(String command, String argument) {
    return switch (argument.toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new IllegalArgumentException(command + " takes on or off, not '" + argument + "'");
    };
  }

  /**
   * The user's terminal when the shell runs in one, otherwise a terminal that reads lines from
   * {@code in} and shows no prompt, so that piped output holds only the results.
   */
  private static Terminal terminal(InputStream in) throws IOException {
    if (in == System.in && System.console() != null) {
      return TerminalBuilder.builder().system(true).build();
    }
    return TerminalBuilder.builder()
        .system(false)
        .streams(in, OutputStream.nullOutputStream())
        .dumb(true)
        .type(Terminal.TYPE_DUMB)
        .encoding(StandardCharsets.UTF_8)
        .build();
  }

  private static Path historyFile() {
    String named = System.getProperty(HISTORY_PROPERTY);
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    return Path.of(System.getProperty("user.home"), ".bisearch_history");
  }
}
