package io.posthoggitops.cli;

import io.posthoggitops.apply.ApplyProcess.Result;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.model.UserError;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code --all-envs}: every environment of the config file in its order
 * (docs/format/environments.md), each run with its own settings; a failure says which environment
 * it happened in.
 */
final class AllEnvironments {

  private AllEnvironments() {}

  /** The configured names; none is a usage error, as is {@code --env} given too. */
  static List<String> names(ProjectConfig config, GlobalOptions global, String command) {
    if (global.env() != null) {
      throw new UserError(
          "--env and --all-envs cannot be combined; drop one of them.", ExitCode.USAGE);
    }
    refuse(
        global.project != null,
        "--project",
        "each environment's project comes from "
            + ProjectConfig.DEFAULT_FILE
            + "; give one with --env NAME --project ID");
    refuse(
        global.connection != null,
        "--connection",
        "set each environment's connection: in "
            + ProjectConfig.DEFAULT_FILE
            + ", or MATON_CONNECTION for all of them");
    if (config.environments().isEmpty()) {
      throw new UserError(
          command
              + " --all-envs needs an environments: section in "
              + (config.file() == null ? ProjectConfig.DEFAULT_FILE : config.file())
              + ", e.g. environments: {staging: {project: 4242}, production: {project: 4343}}.",
          ExitCode.USAGE);
    }
    return List.copyOf(config.environments().keySet());
  }

  /** Runs {@code body} for environment {@code name}; its error names the environment. */
  static <T> T in(String name, Supplier<T> body) {
    try {
      return body.get();
    } catch (UserError e) {
      throw new UserError("environment " + name + ": " + e.getMessage(), e.exitCode());
    }
  }

  /** A usage error when {@code given} is true: {@code what} cannot go with --all-envs. */
  static void refuse(boolean given, String what, String instead) {
    if (given) {
      throw new UserError(
          what + " cannot be combined with --all-envs; " + instead + ".", ExitCode.USAGE);
    }
  }

  /**
   * Why the later environments were not applied. Changes awaiting approval stop them too: a change
   * reaches production only once staging holds it.
   */
  static String stopped(String name, Result result, List<String> rest) {
    String notApplied = rest.isEmpty() ? "" : " Not applied: " + String.join(", ", rest) + ".";
    if (result == Result.AWAITING_APPROVAL) {
      return "stopped after environment "
          + name
          + ", whose changes await approval in PostHog."
          + notApplied
          + " Run the same command again once they are approved.";
    }
    return "error: stopped at environment "
        + name
        + "."
        + notApplied
        + " Fix it and run the same command again: environments already applied have nothing left"
        + " to change.";
  }
}
