package io.posthoggitops.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The event that started the workflow run, as GitHub wrote it to {@code GITHUB_EVENT_PATH}. */
public final class GitHubEvent {

  private final JsonNode json;

  private GitHubEvent(JsonNode json) {
    this.json = json;
  }

  public static GitHubEvent read(Path file) {
    if (file == null) {
      throw new UserError(
          "GITHUB_EVENT_PATH is not set, so the pull request is unknown: name it with --pull-request N, or run this in GitHub Actions.");
    }
    try {
      return new GitHubEvent(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UserError(
          "cannot read the event file "
              + file
              + " (GITHUB_EVENT_PATH): "
              + e.getMessage()
              + "; name the pull request with --pull-request N.");
    }
  }

  /** The pull request of a {@code pull_request} event. */
  public Optional<Integer> pullRequest() {
    JsonNode number = json.path("pull_request").path("number");
    return number.isInt() ? Optional.of(number.asInt()) : Optional.empty();
  }

  /** The commit a {@code push} event moved the branch to. */
  public Optional<String> pushedCommit() {
    String after = json.path("after").asText("");
    return after.matches("[0-9a-f]{40}") && !after.matches("0+")
        ? Optional.of(after)
        : Optional.empty();
  }
}
