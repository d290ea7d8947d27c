package io.posthoggitops.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads git through JGit: declarations at a ref, and the commit the work tree is on. */
public final class GitRepo {

  private GitRepo() {}

  /** @param commit full SHA of HEAD; @param dirty uncommitted changes in the work tree */
  public record Head(String commit, boolean dirty) {}

  /** HEAD of the repository holding {@code path}, or empty outside git. */
  public static Optional<Head> head(Path path) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * The {@code *.yaml}/{@code *.yml} files under {@code paths} as they were at {@code ref} (display
   * name → content), read from the object database without touching the work tree. An unknown ref
   * or a path outside a repository is a UserError.
   */
  public static Map<String, String> yamlFilesAt(String ref, java.util.List<Path> paths) {
    throw new UnsupportedOperationException("not built yet");
  }
}
