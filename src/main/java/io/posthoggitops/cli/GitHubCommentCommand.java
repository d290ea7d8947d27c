package io.posthoggitops.cli;

import io.posthoggitops.github.GitHubClient;
import io.posthoggitops.github.GitHubContext;
import io.posthoggitops.github.GitHubEvent;
import io.posthoggitops.github.JobSummary;
import io.posthoggitops.github.Marker;
import io.posthoggitops.github.StickyComment;
import io.posthoggitops.render.CommandLogMarkdown;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "comment",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update the one pull-request comment that starts with the marker.",
      "The pull request is the event's, or for a push the one merged as the pushed commit",
      "(nothing is posted when there is none)."
    },
    footer = {
      "",
      "Example: posthog-gitops github comment --body plan.md",
      "         posthog-gitops github comment --marker apply --title 'posthog-gitops apply' --log apply.log"
    })
public class GitHubCommentCommand implements Callable<Integer> {

  @ParentCommand GitHubCommand parent;
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Content content;

  static class Content {
    @Option(
        names = "--body",
        paramLabel = "FILE",
        description = "Markdown to post as it is, e.g. the output of plan --format markdown.")
    Path body;

    @Option(
        names = "--log",
        paramLabel = "FILE",
        description = "A command's output, posted in a code block under --title.")
    Path log;
  }

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "The bold first line above --log (default: posthog-gitops).")
  String title = "posthog-gitops";

  @Option(
      names = "--marker",
      paramLabel = "NAME",
      description =
          "Which comment: the one starting with <!-- posthog-gitops-NAME --> (default: plan).")
  String marker = Marker.PLAN.name();

  @Option(
      names = "--pull-request",
      paramLabel = "N",
      description = "Comment on this pull request instead of the event's.")
  Integer pullRequest;

  @Option(
      names = "--annotate",
      paramLabel = "FILE",
      description =
          "First print the diagnostics in FILE (a command's stderr) as annotations, as github annotate does.")
  Path annotate;

  @Option(
      names = "--job-summary",
      description = "Also append the comment to the job summary (GITHUB_STEP_SUMMARY).")
  boolean jobSummary;

  @Override
  public Integer call() {
    Marker which = new Marker(marker);
    PrintWriter out = spec.commandLine().getOut();
    if (annotate != null) {
      parent.annotate(annotate, "--annotate", out);
    }
    GitHubContext context = GitHubContext.from(parent.env());
    String body = which.mark(body(context));
    if (jobSummary) {
      JobSummary.append(context.stepSummary(), body);
    }
    GitHubClient github = new GitHubClient(context);
    Optional<Integer> target =
        pullRequest != null
            ? Optional.of(pullRequest)
            : StickyComment.pullRequestOf(GitHubEvent.read(context.eventPath()), github);
    if (target.isEmpty()) {
      out.println("No pull request was merged as the pushed commit; nothing to comment on.");
      out.flush();
      return ExitCode.OK;
    }
    StickyComment.Posted posted = StickyComment.post(github, target.get(), which, body);
    String done =
        switch (posted.outcome()) {
          case CREATED -> "Created";
          case UPDATED -> "Updated";
          case UNCHANGED -> "Left unchanged";
        };
    out.println(
        done
            + " the "
            + which.name()
            + " comment on pull request #"
            + posted.pullRequest()
            + ": "
            + posted.url());
    out.flush();
    return ExitCode.OK;
  }

  private String body(GitHubContext context) {
    if (content.body != null) {
      return GitHubCommand.read(content.body, "--body");
    }
    return CommandLogMarkdown.render(
        title, GitHubCommand.read(content.log, "--log"), context.runUrl());
  }
}
