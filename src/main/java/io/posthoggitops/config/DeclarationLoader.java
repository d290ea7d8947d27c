package io.posthoggitops.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads and validates YAML declarations (DESIGN.md §3, §4), offline. */
public final class DeclarationLoader {

  private DeclarationLoader() {}

  /**
   * Loads every {@code *.yaml}/{@code *.yml} under the paths (files or directories, recursively;
   * files named {@code posthog-gitops.yaml} are skipped) and validates them all.
   */
  public static LoadResult load(List<Path> paths) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * Loads files given as text (display name → content), e.g. read from a git ref; same checks.
   */
  public static LoadResult loadTexts(Map<String, String> files) {
    throw new UnsupportedOperationException("not built yet");
  }
}
