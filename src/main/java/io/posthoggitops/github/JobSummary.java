package io.posthoggitops.github;

import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The markdown GitHub shows on a run's summary page: each step appends to its own file. */
public final class JobSummary {

  private JobSummary() {}

  /**
   * @param file {@code GITHUB_STEP_SUMMARY}, or null outside GitHub Actions
   */
  public static void append(Path file, String markdown) {
    if (file == null) {
      throw new UserError(
          "--job-summary needs GITHUB_STEP_SUMMARY, which GitHub Actions sets in every step; drop --job-summary outside GitHub Actions.");
    }
    try {
      Files.writeString(
          file,
          markdown.endsWith("\n") ? markdown : markdown + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UserError(
          "cannot write the job summary "
              + file
              + " (GITHUB_STEP_SUMMARY): "
              + e.getMessage()
              + ".");
    }
  }
}
