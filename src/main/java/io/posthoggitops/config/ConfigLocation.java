package io.posthoggitops.config;

import io.posthoggitops.model.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds {@code posthog-gitops.yaml} when {@code --config} is not given, the way git finds {@code
 * .git} (docs/connecting.md#where-the-config-file-is-found): from each PATH's folder upward to the
 * repository root (the folder holding {@code .git}), then from the current folder upward. Outside a
 * repository only the folder itself is looked in, so a file in a parent folder such as the home
 * folder is never picked up by surprise.
 */
public final class ConfigLocation {

  private ConfigLocation() {}

  /**
   * The config file for {@code paths} (as given, relative to {@code cwd}), as an absolute path;
   * empty when there is none. PATHs that lead to two different files are a UserError: one plan has
   * one config.
   */
  public static Optional<Path> find(List<Path> paths, Path cwd) {
    Path base = cwd.toAbsolutePath().normalize();
    Set<Path> found = new LinkedHashSet<>();
    for (Path path : paths) {
      upward(folderOf(base.resolve(path).normalize())).ifPresent(found::add);
    }
    if (found.size() > 1) {
      List<Path> shown = found.stream().map(f -> shown(f, cwd)).toList();
      throw new UserError(
          "the PATHs given lie under different config files ("
              + shown.get(0)
              + " and "
              + shown.get(1)
              + "); plan them one at a time, or name one config with --config.");
    }
    return found.isEmpty() ? upward(base) : found.stream().findFirst();
  }

  private static Optional<Path> upward(Path start) {
    for (Path folder : foldersUpToRepositoryRoot(start)) {
      Path candidate = folder.resolve(ProjectConfig.DEFAULT_FILE);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code start} and its parents up to the one holding {@code .git}; just {@code start} if none.
   */
  private static List<Path> foldersUpToRepositoryRoot(Path start) {
    List<Path> folders = new ArrayList<>();
    for (Path folder = start; folder != null; folder = folder.getParent()) {
      folders.add(folder);
      if (Files.exists(folder.resolve(".git"))) {
        return folders;
      }
    }
    return List.of(start);
  }

  private static Path folderOf(Path path) {
    return Files.isDirectory(path) || path.getParent() == null ? path : path.getParent();
  }

  /** Relative to the current folder when that is shorter to read, as git shows paths. */
  static Path shown(Path file, Path cwd) {
    Path base = cwd.toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.getRoot().equals(base.getRoot())) {
      return absolute;
    }
    Path relative = base.relativize(absolute);
    return relative.toString().isEmpty() ? Path.of(".") : relative;
  }
}
