package io.posthoggitops.github;

import io.posthoggitops.model.UserError;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the GitHub API is and which run this is, from the variables GitHub Actions sets in every
 * step (docs/ci.md#the-github-command).
 *
 * @param eventPath the event's JSON file ({@code GITHUB_EVENT_PATH}), or null
 * @param runUrl the page of this workflow run, or null outside GitHub Actions
 * @param stepSummary the job summary file of this step ({@code GITHUB_STEP_SUMMARY}), or null
 * @param workspace the checked-out repository ({@code GITHUB_WORKSPACE}), or null
 */
public record GitHubContext(
    String apiUrl,
    String token,
    String repository,
    Path eventPath,
    String runUrl,
    Path stepSummary,
    Path workspace) {

  static final String DEFAULT_API_URL = "https://api.github.com";
  static final String DEFAULT_SERVER_URL = "https://github.com";

  @Override
  public String toString() {
    return "GitHubContext[" + apiUrl + ", " + repository + "]";
  }

  /** Only what annotations need: no token, no repository. */
  public static GitHubContext offline(Function<String, String> env) {
    return new GitHubContext(
        null,
        null,
        null,
        null,
        null,
        path(env, "GITHUB_STEP_SUMMARY"),
        path(env, "GITHUB_WORKSPACE"));
  }

  /** Everything an API call needs; a missing token or repository is an error saying what to set. */
  public static GitHubContext from(Function<String, String> env) {
    String token = value(env, "GITHUB_TOKEN");
    if (token == null) {
      throw new UserError(
          "GITHUB_TOKEN is not set: give this step the job's token (env: GITHUB_TOKEN: ${{ github.token }}), as the reusable workflows in .github/workflows/ do.");
    }
    String repository = value(env, "GITHUB_REPOSITORY");
    if (repository == null || !repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      throw new UserError(
          "GITHUB_REPOSITORY is "
              + (repository == null ? "not set" : "'" + repository + "', not OWNER/NAME")
              + ": GitHub Actions sets it in every step; elsewhere set it to the repository, e.g. acme/posthog-config.");
    }
    String apiUrl = orDefault(value(env, "GITHUB_API_URL"), DEFAULT_API_URL);
    String serverUrl = orDefault(value(env, "GITHUB_SERVER_URL"), DEFAULT_SERVER_URL);
    String runId = value(env, "GITHUB_RUN_ID");
    String runUrl = runId == null ? null : serverUrl + "/" + repository + "/actions/runs/" + runId;
    return new GitHubContext(
        apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl,
        token,
        repository,
        path(env, "GITHUB_EVENT_PATH"),
        runUrl,
        path(env, "GITHUB_STEP_SUMMARY"),
        path(env, "GITHUB_WORKSPACE"));
  }

  private static String value(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Path path(Function<String, String> env, String name) {
    String value = value(env, name);
    return value == null ? null : Path.of(value);
  }

  private static String orDefault(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
