package io.posthoggitops.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The few GitHub REST calls CI needs, on one repository: issue comments, issues and the pull
 * requests of a commit. Lists are read page by page through the {@code Link} header.
 */
public final class GitHubClient {

  /** A comment on an issue or a pull request. */
  public record Comment(long id, String body, String url) {}

  /** An issue (pull requests excluded). */
  public record Issue(int number, String title, String body, String url) {}

  /** A pull request a commit belongs to. */
  public record PullRequest(int number, boolean merged, String mergeCommitSha) {}

  static final int MAX_PAGES = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GitHubHttp http;
  private final GitHubErrors errors;
  private final String repo;

  public GitHubClient(GitHubContext context) {
    this.http = new GitHubHttp(context.apiUrl(), context.token());
    this.errors = new GitHubErrors(context.token());
    this.repo = "/repos/" + context.repository();
  }

  public List<Comment> comments(int issue) {
    return all(repo + "/issues/" + issue + "/comments?per_page=100").stream()
        .map(GitHubClient::comment)
        .toList();
  }

  public Comment createComment(int issue, String body) {
    return comment(call("POST", repo + "/issues/" + issue + "/comments", bodyOf(body)));
  }

  public Comment updateComment(long id, String body) {
    return comment(call("PATCH", repo + "/issues/comments/" + id, bodyOf(body)));
  }

  /** Open issues, oldest first; the pull requests GitHub lists among them are left out. */
  public List<Issue> openIssues() {
    return all(repo + "/issues?state=open&sort=created&direction=asc&per_page=100").stream()
        .filter(node -> !node.has("pull_request"))
        .map(GitHubClient::issue)
        .toList();
  }

  public Issue createIssue(String title, String body) {
    ObjectNode fields = bodyOf(body);
    fields.put("title", title);
    return issue(call("POST", repo + "/issues", fields));
  }

  /**
   * @param fields what changes, e.g. {@code {"body": …}} or {@code {"state": "closed"}}
   */
  public Issue updateIssue(int number, ObjectNode fields) {
    return issue(call("PATCH", repo + "/issues/" + number, fields));
  }

  public List<PullRequest> pullRequestsOf(String commit) {
    List<PullRequest> pulls = new ArrayList<>();
    for (JsonNode node : call("GET", repo + "/commits/" + commit + "/pulls", null)) {
      pulls.add(
          new PullRequest(
              node.path("number").asInt(),
              node.hasNonNull("merged_at"),
              node.path("merge_commit_sha").asText(null)));
    }
    return pulls;
  }

  private static ObjectNode bodyOf(String body) {
    ObjectNode fields = JSON.createObjectNode();
    fields.put("body", body);
    return fields;
  }

  private static Comment comment(JsonNode node) {
    return new Comment(
        node.path("id").asLong(), node.path("body").asText(""), node.path("html_url").asText(""));
  }

  private static Issue issue(JsonNode node) {
    return new Issue(
        node.path("number").asInt(),
        node.path("title").asText(""),
        node.path("body").asText(""),
        node.path("html_url").asText(""));
  }

  /** Every item of a list, following {@code rel="next"} links. */
  private List<JsonNode> all(String path) {
    List<JsonNode> items = new ArrayList<>();
    String url = http.resolve(path);
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      Answer answer = exchange("GET", path, url, null);
      if (!answer.json().isArray()) {
        throw errors.unusable("GET", path, answer.status(), "the answer is not a JSON list");
      }
      answer.json().forEach(items::add);
      if (answer.next() != null && http.resolve(answer.next()) == null) {
        throw errors.foreignLink(path, answer.next());
      }
      url = answer.next();
    }
    return items;
  }

  private JsonNode call(String method, String path, JsonNode body) {
    return exchange(method, path, http.resolve(path), body == null ? null : body.toString()).json();
  }

  private record Answer(int status, JsonNode json, String next) {}

  private Answer exchange(String method, String path, String url, String body) {
    GitHubHttp.Reply reply;
    try {
      reply = http.send(method, url, body);
    } catch (IOException e) {
      throw errors.unreachable(method, path, url, e);
    }
    if (!reply.isSuccess()) {
      throw errors.fromReply(method, path, reply);
    }
    try {
      return new Answer(reply.status(), JSON.readTree(reply.body()), reply.next());
    } catch (IOException e) {
      throw errors.unusable(method, path, reply.status(), "the answer is not JSON");
    }
  }
}
