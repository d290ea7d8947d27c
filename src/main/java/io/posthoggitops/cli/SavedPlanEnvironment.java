package io.posthoggitops.cli;

import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Plan;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The environment a saved plan is applied in (docs/format/environments.md): the one it was made
 * for. {@code --env} naming another is refused before anything is sent; without {@code --env} the
 * plan's own environment gives the settings.
 */
final class SavedPlanEnvironment {

  private SavedPlanEnvironment() {}

  static GlobalOptions target(GlobalOptions global, ProjectConfig config, Plan plan, Path file) {
    String made = plan.metadata().environment();
    String given = global.env();
    if (given == null) {
      return made == null ? global : global.forEnvironment(checked(made, config, file));
    }
    if (!Objects.equals(made, given)) {
      throw new UserError(
          "the saved plan "
              + file
              + (made == null ? " was made without --env" : " was made for environment " + made)
              + ", not "
              + given
              + "; nothing was written. Apply it "
              + (made == null ? "without --env" : "with --env " + made)
              + ", or make a plan for "
              + given
              + " with plan --env "
              + given
              + " --out FILE.",
          ExitCode.USAGE);
    }
    return global;
  }

  private static String checked(String made, ProjectConfig config, Path file) {
    if (!config.environments().containsKey(made)) {
      throw new UserError(
          "the saved plan "
              + file
              + " was made for environment "
              + made
              + ", which the config file does not name; nothing was written. Pass the config"
              + " file it was made with (--config FILE).",
          ExitCode.USAGE);
    }
    return made;
  }
}
