package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search-cli shell} driven through standard input, as when lines are piped to it. */
class ShellCommandTest {
  @TempDir Path home;

  private Path history;

  @BeforeEach
  void keepHistoryInTheTestFolder() {
    history = home.resolve("history");
    System.setProperty(ShellCommand.HISTORY_PROPERTY, history.toString());
  }

  @AfterEach
  void forgetHistoryFile() {
    System.clearProperty(ShellCommand.HISTORY_PROPERTY);
  }

  private static CliRun shell(String stdin, String... options) {
    String[] args = new String[options.length + 1];
    System.arraycopy(options, 0, args, 0, options.length);
    args[options.length] = "shell";
    return CliRun.withInput(stdin, args);
  }

  /** What {@code search-cli ARGS} prints, the output a shell line must match. */
  private static String once(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    return run.out();
  }

  private static List<String> heads(CliRun run) {
    return run.outLines().stream().filter(line -> line.matches("[0-9]+\\. .*")).toList();
  }

  @Test
  void searchesEachLineAndObeysCommandsBetweenThem() {
    CliRun run = shell("hypervisor\n:n 1\nmicroservices\n:quit\n");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertEquals(
        List.of(
            "1. XenServer  [Projects > Virtual Machine]",
            "2. Hyper  [Projects > Virtual Machine]",
            "3. Xen  [Projects > Virtual Machine]",
            "1. Eric Brewer：容器和微服务是计算的未来  [Articles > 其它文章]"),
        heads(run));
  }

  @Test
  void eachLinePrintsWhatSearchCliPrintsForIt() {
    CliRun run = shell("hypervisor\n虚拟机\n");

    assertEquals(once("hypervisor") + once("虚拟机"), run.out());
  }

  @Test
  void nSetsTheNumberOfHits() {
    CliRun run = shell("hypervisor\n:n 1\nhypervisor\n");

    assertEquals(once("hypervisor") + once("-n", "1", "hypervisor"), run.out());
    assertEquals("1 of 3 results for: hypervisor", run.outLines().get(run.outLines().size() - 1));
  }

  @Test
  void blankLinesDoNothing() {
    CliRun run = shell("\n   \n\t\n\u3000\nhypervisor\n\n");

    assertEquals("", run.err());
    assertEquals(once("hypervisor"), run.out());
  }

  @Test
  void jsonOnPrintsOneJsonObjectPerQueryLine() {
    CliRun run = shell(":json on\nhypervisor\n\n虚拟机\n");

    assertEquals(2, run.outLines().size());
    assertEquals(once("--json", "hypervisor") + once("--json", "虚拟机"), run.out());
  }

  @Test
  void jsonOffGoesBackToText() {
    CliRun run = shell(":json on\n:json off\nhypervisor\n");

    assertEquals(once("hypervisor"), run.out());
  }

  @Test
  void explainOnShowsConceptsAndWhyEachHitMatched() {
    CliRun run = shell(":explain on\nhypervisor\n:json on\n虚拟机\n");

    assertEquals(once("--explain", "hypervisor") + once("--explain", "--json", "虚拟机"), run.out());
  }

  @Test
  void optionsBeforeShellAreItsStartingSettings() {
    CliRun run = shell("hypervisor\n", "-n", "2", "--json", "--no-translate");

    assertEquals(once("-n", "2", "--json", "--no-translate", "hypervisor"), run.out());
  }

  @Test
  void endOfInputEndsTheShellWithExitZero() {
    CliRun run = shell("hypervisor\n");

    assertEquals(0, run.exitCode());
    assertEquals("", run.err());
    assertEquals(once("hypervisor"), run.out());
  }

  @Test
  void emptyInputPrintsNothing() {
    CliRun run = shell("");

    assertEquals(0, run.exitCode());
    assertEquals("", run.out());
    assertEquals("", run.err());
  }

  @Test
  void lastLineWithoutNewlineIsSearchedToo() {
    CliRun run = shell(":n 1\nhypervisor");

    assertEquals(once("-n", "1", "hypervisor"), run.out());
  }

  @Test
  void quitStopsReadingLines() {
    CliRun run = shell("hypervisor\n:q\nmicroservices\n");

    assertEquals(0, run.exitCode());
    assertEquals(once("hypervisor"), run.out());
  }

  @Test
  void eventAndEscapeCharactersReachTheQueryAsTyped() {
    CliRun run = shell(":json on\nkubernetes !foo\ndocker \\\n\"virtual machine\n");

    assertEquals(
        once("--json", "kubernetes !foo")
            + once("--json", "docker \\")
            + once("--json", "\"virtual machine"),
        run.out());
  }

  @Test
  void aWrongCommandPrintsOneLineAndTheShellGoesOn() {
    CliRun run = shell(":n -1\n:n\n:json maybe\n:bogus\nhypervisor\n");

    assertEquals(0, run.exitCode());
    assertEquals(
        List.of(
            "search-cli: :n takes a count of 0 or more, not '-1'",
            "search-cli: :n takes a count of 0 or more, not ''",
            "search-cli: :json takes on or off, not 'maybe'",
            "search-cli: unknown command ':bogus' (type :help for the list)"),
        run.errLines());
    assertEquals(once("hypervisor"), run.out());
  }

  @Test
  void helpListsEveryCommand() {
    CliRun run = shell(":help\n");

    assertEquals("Type words to search for them. Commands:", run.outLines().get(0));
    for (String command : List.of(":n COUNT", ":explain on|off", ":json on|off", ":help", ":q")) {
      assertTrue(
          run.outLines().stream().anyMatch(line -> line.startsWith("  " + command)),
          command + " in " + run.out());
    }
  }

  @Test
  void historyFileGetsTheLinesTyped() throws IOException {
    shell("hypervisor\n\n:n 1\n虚拟机\n");

    assertEquals(
        List.of("hypervisor", ":n 1", "虚拟机"), Files.readAllLines(history, StandardCharsets.UTF_8));
  }

  @Test
  void historyOfEarlierShellsIsKept() throws IOException {
    shell("虚拟机\n");
    shell("hypervisor\n");

    assertEquals(List.of("虚拟机", "hypervisor"), Files.readAllLines(history, StandardCharsets.UTF_8));
  }

  @Test
  void historyThatCannotBeSavedIsOneLineAndSearchesGoOn() throws IOException {
    Path file = Files.writeString(home.resolve("a-file"), "");
    System.setProperty(ShellCommand.HISTORY_PROPERTY, file.resolve("history").toString());

    CliRun run = shell("hypervisor\n");

    assertEquals(0, run.exitCode());
    assertEquals(once("hypervisor"), run.out());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(
        run.err().startsWith("search-cli: history not saved: " + file.resolve("history")),
        run.err());
  }

  @Test
  void negativeLimitIsUsageError() {
    CliRun run = shell("hypervisor\n", "-n", "-1");

    assertEquals(SearchCli.EXIT_USAGE, run.exitCode());
    assertEquals(List.of("search-cli: --limit must be 0 or more, not -1"), run.errLines());
    assertEquals("", run.out());
  }

  @Test
  void missingIndexIsOneLineError() {
    Path missing = home.resolve("no-index");

    CliRun run = CliRun.withInput("hypervisor\n", "shell", "--index", missing.toString());

    assertEquals(SearchCli.EXIT_ERROR, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("search-cli: no index at "), run.err());
  }

  @Test
  void optionsAfterShellWorkToo() {
    CliRun run = CliRun.withInput("hypervisor\n", "shell", "-n", "1", "--json");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.outLines().size(), run.out());
    assertTrue(run.out().startsWith("{\"query\":\"hypervisor\",\"total\":3,"), run.out());
  }
}
