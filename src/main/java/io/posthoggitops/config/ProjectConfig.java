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
    if (!Files.isRegularFile(file)) {
      if (explicit != null) {
        throw new UserError(explicit + ": config file not found (given with --config); check the path.");
      }
      return empty();
    }
    try {
      return new ProjectConfigReader(file.toString()).read(Files.readString(file));
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the config file (" + e.getMessage() + ").");
    }
  }
}
