package io.posthoggitops.github;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.github.GitHubClient.Issue;
import java.util.Optional;

/**
 * One open issue per marker that holds the latest drift plan: opened on the first drift, edited on
 * the next ones, closed with a comment once PostHog matches the declarations again.
 */
public final class DriftIssue {

  public static final String DEFAULT_TITLE = "PostHog has drifted from the declarations";

  public enum Outcome {
    OPENED,
    UPDATED,
    UNCHANGED,
    CLOSED,
    NONE_OPEN
  }

  /**
   * @param issue the issue's number, or 0 when there was none to close
   */
  public record Result(Outcome outcome, int issue, String url) {}

  private DriftIssue() {}

  /**
   * @param title the title; null keeps an open issue's title (and uses {@link #DEFAULT_TITLE} for a
   *     new one)
   */
  public static Result report(GitHubClient github, Marker marker, String title, String body) {
    String marked = marker.mark(body);
    Optional<Issue> open = find(github, marker);
    if (open.isEmpty()) {
      Issue created = github.createIssue(title == null ? DEFAULT_TITLE : title, marked);
      return new Result(Outcome.OPENED, created.number(), created.url());
    }
    Issue issue = open.get();
    if (issue.body().equals(marked) && (title == null || title.equals(issue.title()))) {
      return new Result(Outcome.UNCHANGED, issue.number(), issue.url());
    }
    ObjectNode fields = JsonNodeFactory.instance.objectNode().put("body", marked);
    if (title != null) {
      fields.put("title", title);
    }
    Issue updated = github.updateIssue(issue.number(), fields);
    return new Result(Outcome.UPDATED, updated.number(), updated.url());
  }

  /**
   * @param comment said on the issue before it is closed
   */
  public static Result close(GitHubClient github, Marker marker, String comment) {
    Optional<Issue> open = find(github, marker);
    if (open.isEmpty()) {
      return new Result(Outcome.NONE_OPEN, 0, null);
    }
    int number = open.get().number();
    github.createComment(number, comment);
    ObjectNode fields =
        JsonNodeFactory.instance
            .objectNode()
            .put("state", "closed")
            .put("state_reason", "completed");
    Issue closed = github.updateIssue(number, fields);
    return new Result(Outcome.CLOSED, number, closed.url());
  }

  private static Optional<Issue> find(GitHubClient github, Marker marker) {
    return github.openIssues().stream().filter(i -> marker.opens(i.body())).findFirst();
  }
}
