package io.posthoggitops.cli;

import io.posthoggitops.github.Annotations;
import io.posthoggitops.github.GitHubContext;
import io.posthoggitops.model.UserError;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Command;

/** The GitHub side of CI: the plan comment, the apply comment, the drift issue, annotations. */
@Command(
    name = "github",
    mixinStandardHelpOptions = true,
    description = {
      "Write to GitHub from a GitHub Actions step: the plan comment, the drift issue, annotations.",
      "Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL and GITHUB_EVENT_PATH;",
      "the token is never shown."
    },
    subcommands = {
      GitHubCommentCommand.class,
      GitHubIssueCommand.class,
      GitHubAnnotateCommand.class
    },
    footer = {"", "Exit codes: 0 done, 1 GitHub refused or could not be reached, 64 usage error."})
public class GitHubCommand {

  @Inject ProcessEnvironment environment;

  /** The environment; the process's own when built without CDI. */
  Function<String, String> env() {
    ProcessEnvironment env = environment != null ? environment : new ProcessEnvironment();
    return env::get;
  }

  /** The diagnostics in {@code log} as workflow commands, on {@code out}. */
  void annotate(Path log, String option, PrintWriter out) {
    GitHubContext context = GitHubContext.offline(env());
    Annotations.of(read(log, option).lines().toList(), Path.of(""), context.workspace())
        .forEach(out::println);
    out.flush();
  }

  static String read(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError(
          "cannot read "
              + option
              + " "
              + file
              + ": "
              + e.getMessage()
              + "; check the path (relative to the step's working directory).");
    }
  }
}
