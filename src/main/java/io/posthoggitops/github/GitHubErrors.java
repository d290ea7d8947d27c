package io.posthoggitops.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A failed GitHub call as one sentence: the request, the status, GitHub's {@code message}, and what
 * to do next. The token is masked wherever an answer echoes it.
 */
final class GitHubErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_CHARS = 300;

  private final String token;

  GitHubErrors(String token) {
    this.token = token;
  }

  UserError fromReply(String method, String path, GitHubHttp.Reply reply) {
    String said = said(reply.body());
    String request = method + " " + path + " failed with " + reply.status() + said;
    String next =
        switch (reply.status()) {
          case 401 ->
              "GitHub rejected the token; give the step the job's token (GITHUB_TOKEN: ${{ github.token }}).";
          case 403 ->
              said.toLowerCase(Locale.ROOT).contains("rate limit")
                  ? "GitHub's API rate limit is used up; re-run the job later."
                  : "the token lacks a permission; grant pull-requests: write (comments) or issues: write (the drift issue) under permissions: in the calling workflow. Pull requests from forks get a read-only token.";
          case 404 ->
              "the repository, pull request or issue does not exist or the token cannot see it; check GITHUB_REPOSITORY and the number.";
          case 410 -> "issues are turned off in this repository; turn them on in its settings.";
          case 422 -> "GitHub refused the content; check the body file.";
          default ->
              reply.status() >= 500
                  ? "GitHub had an internal error; re-run the job."
                  : "check the request and run again.";
        };
    return new UserError(scrub(request + ": " + next));
  }

  UserError unreachable(String method, String path, String url, IOException cause) {
    String what =
        cause instanceof java.net.ConnectException
            ? "connection refused"
            : Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
    return new UserError(
        scrub(
            String.format(
                "%s %s got no answer from %s (%s); check the network and GITHUB_API_URL.",
                method, path, URI.create(url).getHost(), what)));
  }

  UserError foreignLink(String path, String link) {
    return new UserError(
        scrub(
            String.format(
                "GET %s: GitHub's next page %s is not under GITHUB_API_URL; nothing was sent there. Check GITHUB_API_URL.",
                path, link)));
  }

  UserError unusable(String method, String path, int status, String problem) {
    return new UserError(
        scrub(
            String.format(
                "%s %s answered %d, but %s; check that GITHUB_API_URL points at GitHub's API.",
                method, path, status, problem)));
  }

  private String scrub(String text) {
    return token == null || token.isEmpty() ? text : text.replace(token, "***");
  }

  /** {@code (message: details)} from GitHub's {@code {message, errors}}, or the trimmed body. */
  private static String said(String body) {
    String raw = body == null ? "" : body.strip();
    if (raw.isEmpty()) {
      return "";
    }
    try {
      JsonNode node = JSON.readTree(raw);
      if (node != null && node.hasNonNull("message")) {
        List<String> details = new ArrayList<>();
        node.path("errors")
            .forEach(e -> details.add(e.isTextual() ? e.asText() : e.path("message").asText("")));
        details.removeIf(String::isBlank);
        return " ("
            + node.get("message").asText()
            + (details.isEmpty() ? "" : ": " + String.join("; ", details))
            + ")";
      }
    } catch (IOException notJson) {
      // A proxy's HTML or plain text: shown trimmed below.
    }
    String trimmed = raw.replaceAll("\\s+", " ");
    return " ("
        + (trimmed.length() > MAX_BODY_CHARS ? trimmed.substring(0, MAX_BODY_CHARS) + "…" : trimmed)
        + ")";
  }
}
