package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exit codes and error messages: 0 success, 1 error, 2 usage error, one stderr line each. */
class ExitCodeTest {
  private static final String EMPTY_QUERY =
      "search-cli: query is empty (try: search-cli \"虚拟机 hypervisor\")";

  @TempDir Path temp;

  @Test
  void noArgumentsIsEmptyQueryUsageError() {
    CliRun run = CliRun.of();

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of(EMPTY_QUERY), run.errLines());
  }

  @Test
  void blankQueryIsEmptyQueryUsageError() {
    CliRun run = CliRun.of("   ");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of(EMPTY_QUERY), run.errLines());
  }

  @Test
  void ideographicSpaceQueryIsEmptyQueryUsageError() {
    CliRun run = CliRun.of("\u3000");

    assertEquals(2, run.exitCode());
    assertEquals(List.of(EMPTY_QUERY), run.errLines());
  }

  @Test
  void optionsWithoutQueryAreEmptyQueryUsageError() {
    CliRun run = CliRun.of("--json", "-n", "3");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of(EMPTY_QUERY), run.errLines());
  }

  @Test
  void unknownOptionIsUsageError() {
    CliRun run = CliRun.of("--bogus");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of("search-cli: Unknown option: '--bogus'"), run.errLines());
  }

  @Test
  void negativeLimitIsUsageError() {
    CliRun run = CliRun.of("-n", "-1", "docker");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of("search-cli: --limit must be 0 or more, not -1"), run.errLines());
  }

  @Test
  void nonNumericLimitIsUsageError() {
    CliRun run = CliRun.of("-n", "abc", "docker");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of("search-cli: Invalid value for option '--limit': 'abc' is not an int"),
        run.errLines());
  }

  @Test
  void limitWithoutValueIsUsageError() {
    CliRun run = CliRun.of("-n");

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of("search-cli: Missing required parameter for option '--limit' (N)"), run.errLines());
  }

  @Test
  void missingIndexDirectoryIsError() {
    Path missing = temp.resolve("no-such-index");

    CliRun run = CliRun.of("--index", missing.toString(), "docker");

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of(
            "search-cli: no index at "
                + missing
                + ": build one with 'search-cli index --index "
                + missing
                + " PATH...'"),
        run.errLines());
    assertFalse(Files.exists(missing), "searching must not create the index directory");
  }

  @Test
  void emptyIndexDirectoryIsError() {
    CliRun run = CliRun.of("--index", temp.toString(), "docker");

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(1, run.errLines().size());
    assertTrue(
        run.err().startsWith("search-cli: no index at " + temp + ": build one with"), run.err());
  }

  @Test
  void versionPrintsProgramNameAndVersion() {
    CliRun run = CliRun.of("--version");

    assertEquals(0, run.exitCode());
    assertEquals(1, run.outLines().size());
    assertTrue(
        run.outLines().get(0).matches("search-cli \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void shortVersionOptionPrintsTheSameAsLongOne() {
    assertEquals(CliRun.of("--version").out(), CliRun.of("-V").out());
  }

  @Test
  void indexCommandPrintsTheSameVersion() {
    CliRun run = CliRun.of("index", "--version");

    assertEquals(0, run.exitCode());
    assertEquals(CliRun.of("--version").out(), run.out());
  }

  @Test
  void helpPrintsUsageAndExitCodes() {
    CliRun run = CliRun.of("--help");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("Usage: search-cli "), run.out());
    assertTrue(
        run.outLines()
            .contains("Exit codes: 0 success (also when nothing matched), 1 error, 2 usage error."),
        run.out());
    assertEquals("", run.err());
  }

  @Test
  void indexHelpPrintsIndexUsage() {
    CliRun run = CliRun.of("index", "--help");

    assertEquals(0, run.exitCode());
    assertTrue(
        run.out()
            .startsWith(
                "Usage: search-cli index [-hqV] (--index=DIR | (--solr=URL --collection=NAME))\n"
                    + "                        PATH..."),
        run.out());
    assertEquals("", run.err());
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(List.of(), 2),
        Arguments.of(List.of("   "), 2),
        Arguments.of(List.of("\u00a0\u3000"), 2),
        Arguments.of(List.of("--bogus"), 2),
        Arguments.of(List.of("-n", "-1", "docker"), 2),
        Arguments.of(List.of("-n", "abc", "docker"), 2),
        Arguments.of(List.of("-n", "99999999999", "docker"), 2),
        Arguments.of(List.of("--index"), 2),
        Arguments.of(List.of("--index", "/no/such/bisearch/index", "docker"), 1),
        Arguments.of(List.of("index"), 2),
        Arguments.of(List.of("index", "/no/such/bisearch/docs"), 2),
        Arguments.of(List.of("index", "--index", "/no/such/bisearch/index"), 2),
        Arguments.of(List.of("index", "--bogus", "--index", "/no/such/dir", "/no/such/docs"), 2));
  }

  @ParameterizedTest(name = "{0} exits {1}")
  @MethodSource("failures")
  void failureIsOneLineOnStderrWithoutStackTrace(List<String> args, int exitCode) {
    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertEquals(exitCode, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("search-cli: "), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }
}
