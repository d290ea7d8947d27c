package io.posthoggitops.config;

import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code posthog-gitops.yaml}: connection defaults, behaviour settings and named
 * environments. Never holds the API key.
 *
 * @param apiUrl {@code api_url}, or null
 * @param project {@code project}, or null
 * @param connection {@code connection}, or null
 * @param annotate {@code annotate}: add a PostHog annotation after a successful apply
 * @param impact {@code impact}: show impact in plans (docs/impact.md), as {@code --impact} does
 * @param pruneIgnore {@code prune.ignore}: {@code KIND/IDENTITY} globs that --prune leaves alone
 * @param rateLimitPerMinute {@code rate_limit_per_minute}, or null for the default (480)
 * @param environments {@code environments:} by name, in file order
 * @param file the file read, or null when there is none
 */
public record ProjectConfig(
    String apiUrl,
    String project,
    String connection,
    boolean annotate,
    boolean impact,
    List<String> pruneIgnore,
    Integer rateLimitPerMinute,
    Map<String, EnvironmentSettings> environments,
    String file) {

  /** The config file read from the current directory when {@code --config} is not given. */
  public static final String DEFAULT_FILE = "posthog-gitops.yaml";

  public static ProjectConfig empty() {
    return new ProjectConfig(null, null, null, false, false, List.of(), null, Map.of(), null);
  }

  /**
   * Reads {@code explicit} if given (a missing file is a UserError), else {@code
   * posthog-gitops.yaml} in the current directory if present; the problems come back as
   * diagnostics.
   */
  public static ConfigRead read(Path explicit) {
    Path file = explicit != null ? explicit : Path.of(DEFAULT_FILE);
    if (!Files.isRegularFile(file)) {
      if (explicit != null) {
        throw new UserError(
            explicit + ": config file not found (given with --config); check the path.");
      }
      return new ConfigRead(empty(), List.of());
    }
    return new ProjectConfigReader(file.toString()).read(readText(file));
  }

  /**
   * The {@code environments:} entry selected by {@code --env NAME}; {@link
   * EnvironmentSettings#NONE} when {@code name} is null. An unknown name, or {@code --env} without
   * a config file, is a UserError naming the environments there are.
   */
  public EnvironmentSettings environment(String name) {
    if (name == null) {
      return EnvironmentSettings.NONE;
    }
    if (file == null) {
      throw new UserError(
          "--env "
              + name
              + " needs an environments: section in "
              + DEFAULT_FILE
              + " (or the file given with --config), and there is no such file.");
    }
    EnvironmentSettings found = environments.get(name);
    if (found == null) {
      throw new UserError(
          file
              + ": no environment '"
              + name
              + "' under environments:; known: "
              + (environments.isEmpty() ? "none" : String.join(", ", environments.keySet()))
              + ".");
    }
    return found;
  }

  private static String readText(Path file) {
    try {
      if (Files.size(file) > DeclarationFiles.MAX_BYTES) {
        throw new UserError(
            file
                + ": the config file holds more than "
                + DeclarationFiles.MAX_BYTES / 1024 / 1024
                + " MiB; it is not a posthog-gitops config file. Pass the right one with --config.");
      }
      return Files.readString(file);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the config file (" + e.getMessage() + ").");
    }
  }
}
