package io.posthoggitops.cli;

import io.posthoggitops.github.DriftIssue;
import io.posthoggitops.github.GitHubClient;
import io.posthoggitops.github.GitHubContext;
import io.posthoggitops.github.JobSummary;
import io.posthoggitops.github.Marker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = {
      "Open, update or close the one open issue that starts with the marker.",
      "The drift check keeps the markdown plan there while PostHog differs, and closes it after."
    },
    footer = {
      "",
      "Example: posthog-gitops github issue --body drift.md",
      "         posthog-gitops github issue --close"
    })
public class GitHubIssueCommand implements Callable<Integer> {

  @ParentCommand GitHubCommand parent;
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Action action;

  static class Action {
    @Option(
        names = "--body",
        paramLabel = "FILE",
        description = "Open the issue with this markdown, or update the open one.")
    Path body;

    @Option(names = "--close", description = "Close the open issue, saying why.")
    boolean close;
  }

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "The issue's title (default: " + DriftIssue.DEFAULT_TITLE + ").")
  String title;

  @Option(
      names = "--marker",
      paramLabel = "NAME",
      description =
          "Which issue: the one starting with <!-- posthog-gitops-NAME --> (default: drift).")
  String marker = Marker.DRIFT.name();

  @Option(
      names = "--job-summary",
      description = "Also append the issue's body to the job summary (GITHUB_STEP_SUMMARY).")
  boolean jobSummary;

  @Override
  public Integer call() {
    Marker which = new Marker(marker);
    GitHubContext context = GitHubContext.from(parent.env());
    GitHubClient github = new GitHubClient(context);
    PrintWriter out = spec.commandLine().getOut();
    DriftIssue.Result result;
    if (action.close) {
      result = DriftIssue.close(github, which, closingComment(context));
    } else {
      String body = which.mark(GitHubCommand.read(action.body, "--body"));
      if (jobSummary) {
        JobSummary.append(context.stepSummary(), body);
      }
      result = DriftIssue.report(github, which, title, body);
    }
    out.println(
        switch (result.outcome()) {
          case OPENED -> "Opened issue #" + result.issue() + ": " + result.url();
          case UPDATED -> "Updated issue #" + result.issue() + ": " + result.url();
          case UNCHANGED -> "Left issue #" + result.issue() + " unchanged: " + result.url();
          case CLOSED -> "Closed issue #" + result.issue() + ": " + result.url();
          case NONE_OPEN -> "No open " + which.name() + " issue; nothing to close.";
        });
    out.flush();
    return ExitCode.OK;
  }

  private static String closingComment(GitHubContext context) {
    String said = "PostHog matches the declarations again, so this issue is closed.";
    return context.runUrl() == null ? said : said + " [Workflow run](" + context.runUrl() + ")";
  }
}
