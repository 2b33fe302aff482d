package io.github.bisearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code search-cli generate-completion}: a bash/zsh completion script for search-cli. */
@Command(
    name = "generate-completion",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "生成 bash/zsh 命令补全脚本。",
      "Prints a bash (and zsh) completion script for search-cli: every command and option."
    },
    footer = {
      "",
      "Examples / 示例:",
      "  source <(search-cli generate-completion)",
      "  search-cli generate-completion > /etc/bash_completion.d/search-cli"
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("search-cli", spec.root().commandLine()));
    out.flush();
    return SearchCli.EXIT_OK;
  }
}
