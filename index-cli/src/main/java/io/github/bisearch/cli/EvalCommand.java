package io.github.bisearch.cli;

import io.github.bisearch.BiSearch;
import io.github.bisearch.eval.Comparison;
import io.github.bisearch.eval.Qrels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code search-cli eval}: relevance of bisearch and of two plain Lucene baselines. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "用带标注的查询评估检索质量，并与两个 Lucene 基线比较。",
      "Evaluates search quality on judged queries: MRR@10, nDCG@10 and Recall@10 for bisearch,",
      "bisearch --no-translate and two single-field Lucene baselines (SmartChineseAnalyzer,",
      "StandardAnalyzer) built over the same entries in the same run."
    },
    footer = {
      "",
      "QRELS is TSV: query, relevant url or source path (or path:line), optional grade (1, 2).",
      "",
      "Examples / 示例:",
      "  search-cli eval --qrels corpus/queries.tsv",
      "  search-cli eval --index ./idx --qrels my-judgments.tsv --no-baselines"
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand SearchCli parent;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index to evaluate (default: the bundled corpus).")
  Path index;

  @Option(names = "--qrels", paramLabel = "FILE", required = true, description = "Judgments.")
  Path qrels;

  @Option(names = "--no-baselines", description = "Evaluate bisearch only.")
  boolean noBaselines;

  @Override
  public Integer call() {
    Qrels judgments = Qrels.load(qrels);
    try (BiSearch translated = parent.open(index, false);
        BiSearch literal = parent.open(index, true)) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(Comparison.table(Comparison.run(judgments, translated, literal, !noBaselines)));
      out.flush();
    }
    return SearchCli.EXIT_OK;
  }
}
