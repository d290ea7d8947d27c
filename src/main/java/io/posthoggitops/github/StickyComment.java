package io.posthoggitops.github;

import io.posthoggitops.github.GitHubClient.Comment;
import io.posthoggitops.github.GitHubClient.PullRequest;
import java.util.List;
import java.util.Optional;

/**
 * One comment per pull request and marker, kept up to date: found by its marker among all the pull
 * request's comments, edited in place, or created when there is none yet.
 */
public final class StickyComment {

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  public record Posted(Outcome outcome, int pullRequest, String url) {}

  private StickyComment() {}

  /**
   * @param body the comment; the marker is added as its first line when missing
   */
  public static Posted post(GitHubClient github, int pullRequest, Marker marker, String body) {
    String marked = marker.mark(body);
    Optional<Comment> ours =
        github.comments(pullRequest).stream().filter(c -> marker.opens(c.body())).findFirst();
    if (ours.isEmpty()) {
      Comment created = github.createComment(pullRequest, marked);
      return new Posted(Outcome.CREATED, pullRequest, created.url());
    }
    if (ours.get().body().equals(marked)) {
      return new Posted(Outcome.UNCHANGED, pullRequest, ours.get().url());
    }
    Comment updated = github.updateComment(ours.get().id(), marked);
    return new Posted(Outcome.UPDATED, pullRequest, updated.url());
  }

  /**
   * The pull request of the event: the event's own, or for a push the one merged as the pushed
   * commit (its merge, squash or last rebased commit). Empty for a push no pull request made.
   */
  public static Optional<Integer> pullRequestOf(GitHubEvent event, GitHubClient github) {
    Optional<Integer> own = event.pullRequest();
    if (own.isPresent()) {
      return own;
    }
    Optional<String> pushed = event.pushedCommit();
    if (pushed.isEmpty()) {
      return Optional.empty();
    }
    List<PullRequest> merged =
        github.pullRequestsOf(pushed.get()).stream().filter(PullRequest::merged).toList();
    return merged.stream()
        .filter(p -> pushed.get().equals(p.mergeCommitSha()))
        .findFirst()
        .or(() -> merged.stream().findFirst())
        .map(PullRequest::number);
  }
}
