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
 * @param paths {@code paths:}, the declarations folders relative to the file's folder; empty when
 *     not set
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
    String file,
    List<String> paths) {

  /** The config file's name, looked up as {@link ConfigLocation} says when not given. */
  public static final String DEFAULT_FILE = "posthog-gitops.yaml";

  public static ProjectConfig empty() {
    return new ProjectConfig(
        null, null, null, false, false, List.of(), null, Map.of(), null, List.of());
  }

  /**
   * Reads {@code explicit} if given (a missing file is a UserError), else the file {@link
   * ConfigLocation} finds for {@code paths} from {@code cwd}, if any; the problems come back as
   * diagnostics.
   */
  public static ConfigRead read(Path explicit, List<Path> paths, Path cwd) {
    if (explicit != null) {
      return read(explicit);
    }
    return read(
        ConfigLocation.find(paths, cwd)
            .map(f -> ConfigLocation.shown(f, Path.of("")))
            .orElse(null));
  }

  /** Reads {@code file} (a missing one is a UserError); no file at all when null. */
  public static ConfigRead read(Path file) {
    if (file == null) {
      return new ConfigRead(empty(), List.of());
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": config file not found (given with --config); check the path.");
    }
    return new ProjectConfigReader(file.toString()).read(readText(file));
  }

  /**
   * The PATHs to read when none is given (docs/connecting.md#where-the-config-file-is-found): the
   * {@code paths:} folders, else the config file's folder, else the current folder; named relative
   * to {@code cwd}. A {@code paths:} folder that does not exist is a UserError.
   */
  public List<Path> declarationPaths(Path cwd) {
    if (file == null) {
      return List.of(Path.of("."));
    }
    Path folder = Path.of(file).toAbsolutePath().normalize().getParent();
    if (paths.isEmpty()) {
      return List.of(ConfigLocation.shown(folder, cwd));
    }
    return paths.stream()
        .map(
            p -> {
              Path resolved = folder.resolve(p).normalize();
              if (!Files.exists(resolved)) {
                throw new UserError(
                    file
                        + ": paths: names '"
                        + p
                        + "', which does not exist in "
                        + ConfigLocation.shown(folder, cwd)
                        + "; paths: are relative to the config file's folder. Fix the entry, or"
                        + " give the folders as PATH.");
              }
              return ConfigLocation.shown(resolved, cwd);
            })
        .toList();
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
