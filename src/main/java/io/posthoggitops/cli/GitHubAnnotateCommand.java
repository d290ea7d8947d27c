package io.posthoggitops.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    description = {
      "Print the diagnostics in FILE as GitHub annotations on their file and line.",
      "FILE is what validate, plan or apply wrote to stderr; at most 10 errors and 10 warnings."
    },
    footer = {"", "Example: posthog-gitops github annotate plan.err"})
public class GitHubAnnotateCommand implements Callable<Integer> {

  @ParentCommand GitHubCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The command's stderr, saved to a file.")
  Path log;

  @Override
  public Integer call() {
    parent.annotate(log, "FILE", spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
