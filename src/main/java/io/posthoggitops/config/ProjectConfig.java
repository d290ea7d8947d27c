package io.posthoggitops.config;

import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The optional {@code posthog-gitops.yaml}: connection defaults and behaviour settings. Never holds
 * the API key.
 *
 * @param apiUrl {@code api_url}, or null
 * @param project {@code project}, or null
 * @param connection {@code connection}, or null
 * @param annotate {@code annotate}: add a PostHog annotation after a successful apply
 * @param pruneIgnore {@code prune.ignore}: {@code KIND/IDENTITY} globs that --prune leaves alone
 * @param rateLimitPerMinute {@code rate_limit_per_minute}, or null for the default (480)
 */
public record ProjectConfig(
    String apiUrl,
    String project,
    String connection,
    boolean annotate,
    List<String> pruneIgnore,
    Integer rateLimitPerMinute) {

  /** The config file read from the current directory when {@code --config} is not given. */
  public static final String DEFAULT_FILE = "posthog-gitops.yaml";

  public static ProjectConfig empty() {
    return new ProjectConfig(null, null, null, false, List.of(), null);
  }

  /**
   * Reads {@code explicit} if given (missing file: a UserError), else {@code posthog-gitops.yaml}
   * in the current directory if present, else {@link #empty()}. Unknown keys are errors with
   * FILE:LINE:COLUMN.
   */
  public static ProjectConfig load(Path explicit) {
    Path file = explicit != null ? explicit : Path.of(DEFAULT_FILE);
    return Files.isRegularFile(file) ? reader(file).read(readText(file)) : orMissing(explicit);
  }

  /**
   * The {@code environments:} entry selected by {@code --env NAME}, or null when {@code name} is
   * null. An unknown name, or {@code --env} without a config file, is a UserError naming the
   * environments there are.
   */
  public static EnvironmentSettings environment(Path explicit, String name) {
    if (name == null) {
      return null;
    }
    Path file = explicit != null ? explicit : Path.of(DEFAULT_FILE);
    if (!Files.isRegularFile(file)) {
      orMissing(explicit);
      throw new UserError(
          "--env "
              + name
              + " needs an environments: section in "
              + DEFAULT_FILE
              + " (or the file given with --config), and there is no such file.");
    }
    ProjectConfigReader reader = reader(file);
    reader.read(readText(file));
    EnvironmentSettings found = reader.environments().get(name);
    if (found == null) {
      throw new UserError(
          file
              + ": no environment '"
              + name
              + "' under environments:; known: "
              + (reader.environments().isEmpty()
                  ? "none"
                  : String.join(", ", reader.environments().keySet()))
              + ".");
    }
    return found;
  }

  private static ProjectConfigReader reader(Path file) {
    return new ProjectConfigReader(file.toString());
  }

  private static ProjectConfig orMissing(Path explicit) {
    if (explicit != null) {
      throw new UserError(
          explicit + ": config file not found (given with --config); check the path.");
    }
    return empty();
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the config file (" + e.getMessage() + ").");
    }
  }
}
