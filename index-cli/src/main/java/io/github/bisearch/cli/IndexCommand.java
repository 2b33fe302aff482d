package io.github.bisearch.cli;

import io.github.bisearch.BiSearch;
import io.github.bisearch.IndexProgress;
import io.github.bisearch.IndexReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search-cli index}: builds or updates a persistent index from markdown. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "把 Markdown 文件和文件夹编入索引；再次运行只会重读有变化的文件。",
      "Indexes markdown files and folders (every .md/.markdown file below a folder)",
      "into DIR, or brings DIR up to date with them: new files are indexed, files",
      "whose size or modification time changed are read again and their entries",
      "replaced, unchanged files are not read, and entries of files deleted from an",
      "indexed folder are removed. The index is created if DIR holds none.",
      "With --solr, sends the entries to a Solr collection made with the bisearch",
      "configset instead: each file's entries replace the ones it had there."
    },
    footer = {
      "",
      "Examples / 示例:",
      "  search-cli index --index ./idx docs/ README.md",
      "  search-cli index --index ./idx ../shared/corpora/docker_practice",
      "  search-cli index --solr http://localhost:8983/solr --collection docs docs/",
      "",
      "Prints one line when done (folded in two here):",
      "  indexed F files (N new, C changed, U unchanged, R removed, K skipped),",
      "  E entries into DIR in S s",
      "F = N + C files were new or changed and were read, yielding E entries;",
      "U files had the same size and modification time as when last indexed and",
      "were not read; R files were deleted from an indexed folder and their entries",
      "removed; K files could not be indexed (binary, unreadable): each is reported on",
      "stderr as 'path: reason'. On a terminal a progress bar runs on stderr meanwhile;",
      "--quiet prints neither bar nor line. With --solr the line reads",
      "  indexed F files (K skipped), E entries into collection NAME at URL in S s",
      "Exit codes: 0 success, 1 error (such as a missing path, a locked index, an",
      "unreachable Solr or a missing collection), 2 usage error."
    })
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Where the entries go: a local index, or a Solr collection. */
  static final class Target {
    @Option(
        names = "--index",
        paramLabel = "DIR",
        required = true,
        description = "Index directory to create or update.")
    Path index;

    @ArgGroup(exclusive = false, multiplicity = "1")
    SolrTarget solr;
  }

  /** A collection in Solr. */
  static final class SolrTarget {
    @Option(
        names = "--solr",
        paramLabel = "URL",
        required = true,
        description = "Solr's base url, such as http://localhost:8983/solr.")
    String url;

    @Option(
        names = "--collection",
        paramLabel = "NAME",
        required = true,
        description = "Solr collection made with the bisearch configset.")
    String collection;
  }

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar and no summary line; problems are still reported.")
  boolean quiet;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Markdown files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    if (target.solr != null) {
      return indexIntoSolr(target.solr);
    }
    Path index = target.index;
    long start = System.nanoTime();
    IndexReport report;
    boolean bar = !quiet && IndexProgressBar.stderrIsTerminal();
    try (BiSearch search = BiSearch.open(index);
        IndexProgressBar progress = bar ? new IndexProgressBar() : null) {
      report = search.add(bar ? progress : IndexProgress.NONE, paths.toArray(Path[]::new));
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String problem : report.problems()) {
      err.println(problem);
    }
    err.flush();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!quiet) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(summary(report, index, seconds));
      out.flush();
    }
    return SearchCli.EXIT_OK;
  }

  private int indexIntoSolr(SolrTarget solr) {
    long start = System.nanoTime();
    SolrIndexer.Report report = new SolrIndexer(solr.url, solr.collection).index(paths);
    PrintWriter err = spec.commandLine().getErr();
    for (String problem : report.problems()) {
      err.println(problem);
    }
    err.flush();
    if (!quiet) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          String.format(
              Locale.ROOT,
              "indexed %d file%s (%d skipped), %d entr%s into collection %s at %s in %.1f s",
              report.files(),
              report.files() == 1 ? "" : "s",
              report.skipped(),
              report.entries(),
              report.entries() == 1 ? "y" : "ies",
              solr.collection,
              solr.url,
              (System.nanoTime() - start) / 1e9));
      out.flush();
    }
    return SearchCli.EXIT_OK;
  }

  /** The line printed when indexing is done; its format is documented in the help footer. */
  static String summary(IndexReport report, Path index, double seconds) {
    return String.format(
        Locale.ROOT,
        "indexed %d file%s (%d new, %d changed, %d unchanged, %d removed, %d skipped), %d entr%s"
            + " into %s"
            + " in %.1f s",
        report.files(),
        report.files() == 1 ? "" : "s",
        report.added(),
        report.updated(),
        report.unchanged(),
        report.removed(),
        report.skipped(),
        report.entries(),
        report.entries() == 1 ? "y" : "ies",
        index,
        seconds);
  }
}
