package io.posthoggitops.cli;

import io.posthoggitops.config.ConfigRead;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.model.UserError;
import io.posthoggitops.render.Counted;
import io.posthoggitops.render.DiagnosticsView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the config file once per command: {@code --config}, else the one found from the PATHs given
 * and the current folder (docs/connecting.md#where-the-config-file-is-found). Its problems are
 * printed like the declarations'.
 */
final class ConfigFile {

  private ConfigFile() {}

  /** For commands without PATH arguments: the file found from the current folder. */
  static ProjectConfig load(GlobalOptions global, PrintWriter err) {
    return load(global, List.of(), err);
  }

  static ProjectConfig load(GlobalOptions global, List<Path> paths, PrintWriter err) {
    ConfigRead read = ProjectConfig.read(global.config(), paths, Path.of(""));
    long errors = DiagnosticsView.print(read.diagnostics(), err);
    if (errors > 0) {
      throw new UserError(
          Counted.of(errors, "error") + " in the config file; nothing was requested.");
    }
    return read.config();
  }
}
