package io.posthoggitops.cli;

import io.posthoggitops.config.ConfigRead;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.model.UserError;
import io.posthoggitops.render.DiagnosticsView;
import java.io.PrintWriter;

/** Reads the config file once per command; its problems are printed like the declarations'. */
final class ConfigFile {

  private ConfigFile() {}

  static ProjectConfig load(GlobalOptions global, PrintWriter err) {
    ConfigRead read = ProjectConfig.read(global.config());
    long errors = DiagnosticsView.print(read.diagnostics(), err);
    if (errors > 0) {
      throw new UserError(
          "%d error%s in the config file; nothing was requested."
              .formatted(errors, errors == 1 ? "" : "s"));
    }
    return read.config();
  }
}
