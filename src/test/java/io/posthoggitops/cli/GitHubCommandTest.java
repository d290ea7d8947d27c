package io.posthoggitops.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.posthoggitops.render.PlanMarkdownView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code posthog-gitops github …} in-process against WireMock standing in for GitHub's REST API:
 * what is sent, in which order, and what the step's log shows.
 */
class GitHubCommandTest {

  static final String TOKEN = "ghs_RECOGNISABLE_fake_token_77c1";
  private static final String REPO = "/repos/acme/flags";
  private static final String SHA = "3f9c2e1d0b4a59687766554433221100ffeeddcc";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireMockServer github = new WireMockServer(options().dynamicPort());

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  record Result(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  static void startServer() {
    github.start();
  }

  @AfterAll
  static void stopServer() {
    github.stop();
  }

  @BeforeEach
  void environment() throws IOException {
    github.resetAll();
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("GITHUB_REPOSITORY", "acme/flags");
    env.put("GITHUB_API_URL", github.baseUrl());
    env.put("GITHUB_SERVER_URL", "https://github.example");
    env.put("GITHUB_RUN_ID", "42");
    env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
    event(
        "{\"number\": 7, \"pull_request\": {\"number\": 7, \"base\": {\"sha\": \"" + SHA + "\"}}}");
    Files.writeString(
        dir.resolve("plan.md"),
        PlanMarkdownView.MARKER + "\n**Plan: 1 to create, 0 to update, 0 to delete.**\n");
  }

  private void event(String json) throws IOException {
    Path file = dir.resolve("event.json");
    Files.writeString(file, json);
    env.put("GITHUB_EVENT_PATH", file.toString());
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            K made = CommandLine.defaultFactory().create(type);
            if (made instanceof GitHubCommand command) {
              command.environment =
                  new ProcessEnvironment() {
                    @Override
                    public String get(String name) {
                      return env.get(name);
                    }
                  };
            }
            return made;
          }
        };
    CommandLine cl =
        CommandLineProducer.withErrorHandling(new CommandLine(new PosthogGitopsCommand(), factory));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    Result result = new Result(exit, out.toString(), err.toString());
    assertThat(result.stdout() + result.stderr()).doesNotContain(TOKEN);
    return result;
  }

  private static ObjectNode comment(long id, String body) {
    return JSON.createObjectNode()
        .put("id", id)
        .put("body", body)
        .put("html_url", "https://github.example/acme/flags/pull/7#issuecomment-" + id);
  }

  /** Two pages of comments, the second reached through the Link header. */
  private static void stubComments(List<ObjectNode> first, List<ObjectNode> second) {
    String path = REPO + "/issues/7/comments";
    github.stubFor(
        get(urlEqualTo(path + "?per_page=100"))
            .willReturn(
                okJson(array(first).toString())
                    .withHeader(
                        "Link",
                        "<"
                            + github.baseUrl()
                            + path
                            + "?per_page=100&page=2>; rel=\"next\", <"
                            + github.baseUrl()
                            + path
                            + "?per_page=100&page=2>; rel=\"last\"")));
    github.stubFor(
        get(urlEqualTo(path + "?per_page=100&page=2"))
            .willReturn(okJson(array(second).toString())));
  }

  private static ArrayNode array(List<ObjectNode> items) {
    ArrayNode array = JSON.createArrayNode();
    items.forEach(array::add);
    return array;
  }

  private static String sentBody(LoggedRequest request) throws IOException {
    return JSON.readTree(request.getBodyAsString()).get("body").asText();
  }

  @Test
  void createsThePlanCommentWhenNoCommentOnAnyPageHasTheMarker() throws IOException {
    stubComments(
        List.of(comment(900, "Looks good")), List.of(comment(901, "> " + PlanMarkdownView.MARKER)));
    github.stubFor(
        post(urlEqualTo(REPO + "/issues/7/comments"))
            .willReturn(aResponse().withStatus(201).withBody(comment(905, "x").toString())));

    Result result = run("github", "comment", "--body", dir.resolve("plan.md").toString());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .isEqualTo(
            "Created the plan comment on pull request #7: https://github.example/acme/flags/pull/7#issuecomment-905\n");
    List<LoggedRequest> posts =
        github.findAll(postRequestedFor(urlEqualTo(REPO + "/issues/7/comments")));
    assertThat(posts).hasSize(1);
    assertThat(sentBody(posts.get(0))).isEqualTo(Files.readString(dir.resolve("plan.md")));
    assertThat(posts.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(posts.get(0).getHeader("Accept")).isEqualTo("application/vnd.github+json");
    github.verify(0, patchRequestedFor(anyUrl()));
  }

  @Test
  void updatesTheCommentWithTheMarkerFoundOnTheSecondPage() throws IOException {
    stubComments(
        List.of(comment(900, "Looks good")),
        List.of(comment(902, PlanMarkdownView.MARKER + "\nan older plan\n"), comment(903, "ok")));
    github.stubFor(
        patch(urlEqualTo(REPO + "/issues/comments/902"))
            .willReturn(okJson(comment(902, "x").toString())));

    Result result =
        run("github", "comment", "--body", dir.resolve("plan.md").toString(), "--job-summary");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).startsWith("Updated the plan comment on pull request #7: ");
    List<LoggedRequest> patches = github.findAll(patchRequestedFor(anyUrl()));
    assertThat(patches).hasSize(1);
    assertThat(sentBody(patches.get(0))).isEqualTo(Files.readString(dir.resolve("plan.md")));
    github.verify(0, postRequestedFor(anyUrl()));
    assertThat(Files.readString(dir.resolve("summary.md")))
        .isEqualTo(Files.readString(dir.resolve("plan.md")));
  }

  @Test
  void leavesACommentThatAlreadySaysTheSameAlone() throws IOException {
    stubComments(List.of(comment(902, Files.readString(dir.resolve("plan.md")))), List.of());

    Result result = run("github", "comment", "--body", dir.resolve("plan.md").toString());

    assertThat(result.stdout()).startsWith("Left unchanged the plan comment on pull request #7: ");
    github.verify(0, patchRequestedFor(anyUrl()));
    github.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void postsTheApplyLogOnThePullRequestMergedAsThePushedCommit() throws IOException {
    event("{\"before\": \"" + "1".repeat(40) + "\", \"after\": \"" + SHA + "\"}");
    github.stubFor(
        get(urlEqualTo(REPO + "/commits/" + SHA + "/pulls"))
            .willReturn(
                okJson(
                    "[{\"number\": 3, \"merged_at\": null, \"merge_commit_sha\": \""
                        + "2".repeat(40)
                        + "\"},"
                        + "{\"number\": 5, \"merged_at\": \"2026-01-01T00:00:00Z\", \"merge_commit_sha\": \""
                        + SHA
                        + "\"}]")));
    github.stubFor(get(urlPathEqualTo(REPO + "/issues/5/comments")).willReturn(okJson("[]")));
    github.stubFor(
        post(urlEqualTo(REPO + "/issues/5/comments"))
            .willReturn(aResponse().withStatus(201).withBody(comment(910, "x").toString())));
    Path log = dir.resolve("apply.log");
    Files.writeString(
        log,
        "~ updated FeatureFlag \"one-page-checkout\" (id 4821)\nApply complete: 0 created, 1 updated, 0 deleted.\n");

    Result result =
        run(
            "github",
            "comment",
            "--marker",
            "apply",
            "--title",
            "posthog-gitops apply: done",
            "--log",
            log.toString());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).startsWith("Created the apply comment on pull request #5: ");
    assertThat(
            sentBody(
                github.findAll(postRequestedFor(urlEqualTo(REPO + "/issues/5/comments"))).get(0)))
        .isEqualTo(
            """
            <!-- posthog-gitops-apply -->
            **posthog-gitops apply: done**

            ```text
            ~ updated FeatureFlag "one-page-checkout" (id 4821)
            Apply complete: 0 created, 1 updated, 0 deleted.
            ```

            [Workflow run](https://github.example/acme/flags/actions/runs/42)
            """);
  }

  @Test
  void aPushThatNoPullRequestMadePostsNothing() throws IOException {
    event("{\"after\": \"" + SHA + "\"}");
    github.stubFor(get(urlEqualTo(REPO + "/commits/" + SHA + "/pulls")).willReturn(okJson("[]")));
    Files.writeString(dir.resolve("apply.log"), "Apply complete.\n");

    Result result =
        run("github", "comment", "--marker", "apply", "--log", dir.resolve("apply.log").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout())
        .isEqualTo("No pull request was merged as the pushed commit; nothing to comment on.\n");
    github.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void opensTheDriftIssueIgnoringPullRequestsThatCarryTheMarker() throws IOException {
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues"))
            .willReturn(
                okJson(
                    "[{\"number\": 8, \"title\": \"a PR\", \"body\": \"<!-- posthog-gitops-drift -->\", \"pull_request\": {}},"
                        + "{\"number\": 9, \"title\": \"other\", \"body\": \"hello\"}]")));
    github.stubFor(
        post(urlEqualTo(REPO + "/issues"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        "{\"number\": 12, \"html_url\": \"https://github.example/acme/flags/issues/12\"}")));

    Result result = run("github", "issue", "--body", dir.resolve("plan.md").toString());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .isEqualTo("Opened issue #12: https://github.example/acme/flags/issues/12\n");
    github.verify(
        postRequestedFor(urlEqualTo(REPO + "/issues"))
            .withRequestBody(
                equalToJson(
                    JSON.createObjectNode()
                        .put(
                            "body",
                            "<!-- posthog-gitops-drift -->\n"
                                + Files.readString(dir.resolve("plan.md")))
                        .put("title", "PostHog has drifted from the declarations")
                        .toString())));
    github.verify(
        anyRequestedFor(urlPathEqualTo(REPO + "/issues")).withQueryParam("state", equalTo("open")));
  }

  @Test
  void updatesTheOpenDriftIssueThenClosesItWithAComment() throws IOException {
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues"))
            .willReturn(
                okJson(
                    "[{\"number\": 12, \"title\": \"PostHog has drifted from the declarations\", \"body\": \"<!-- posthog-gitops-drift -->\\nold\", \"html_url\": \"u12\"}]")));
    github.stubFor(
        patch(urlEqualTo(REPO + "/issues/12"))
            .willReturn(okJson("{\"number\": 12, \"html_url\": \"u12\"}")));
    github.stubFor(
        post(urlEqualTo(REPO + "/issues/12/comments"))
            .willReturn(aResponse().withStatus(201).withBody(comment(930, "x").toString())));

    Result updated = run("github", "issue", "--body", dir.resolve("plan.md").toString());
    Result closed = run("github", "issue", "--close");

    assertThat(updated.stdout()).isEqualTo("Updated issue #12: u12\n");
    assertThat(closed.stdout()).isEqualTo("Closed issue #12: u12\n");
    List<LoggedRequest> patches =
        github.findAll(patchRequestedFor(urlEqualTo(REPO + "/issues/12")));
    assertThat(patches)
        .extracting(LoggedRequest::getBodyAsString)
        .containsExactly(
            JSON.createObjectNode()
                .put(
                    "body",
                    "<!-- posthog-gitops-drift -->\n" + Files.readString(dir.resolve("plan.md")))
                .toString(),
            "{\"state\":\"closed\",\"state_reason\":\"completed\"}");
    assertThat(
            sentBody(
                github.findAll(postRequestedFor(urlEqualTo(REPO + "/issues/12/comments"))).get(0)))
        .isEqualTo(
            "PostHog matches the declarations again, so this issue is closed. [Workflow run](https://github.example/acme/flags/actions/runs/42)");
  }

  @Test
  void closingWhenNoDriftIssueIsOpenChangesNothing() {
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(okJson("[]")));

    Result result = run("github", "issue", "--close");

    assertThat(result.stdout()).isEqualTo("No open drift issue; nothing to close.\n");
    github.verify(0, postRequestedFor(anyUrl()));
    github.verify(0, patchRequestedFor(anyUrl()));
  }

  @Test
  void aRejectedTokenIsOneErrorLineThatNeverShowsTheToken() {
    github.stubFor(
        get(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"message\": \"Bad credentials: "
                            + TOKEN
                            + "\", \"documentation_url\": \"x\"}")));

    Result result = run("github", "comment", "--body", dir.resolve("plan.md").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .isEqualTo(
            "error: GET /repos/acme/flags/issues/7/comments?per_page=100 failed with 401 (Bad credentials: ***): "
                + "GitHub rejected the token; give the step the job's token (GITHUB_TOKEN: ${{ github.token }}).\n");
  }

  @Test
  void aReadOnlyTokenSaysWhichPermissionToGrant() {
    stubComments(List.of(), List.of());
    github.stubFor(
        post(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"message\": \"Resource not accessible by integration\"}")));

    Result result = run("github", "comment", "--body", dir.resolve("plan.md").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .startsWith(
            "error: POST /repos/acme/flags/issues/7/comments failed with 403 (Resource not accessible by integration): "
                + "the token lacks a permission; grant pull-requests: write");
  }

  @Test
  void aNextPageOnAnotherHostIsNotFollowed() {
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/7/comments"))
            .willReturn(
                okJson("[]")
                    .withHeader("Link", "<https://elsewhere.example/page2>; rel=\"next\"")));

    Result result = run("github", "comment", "--body", dir.resolve("plan.md").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("GitHub's next page https://elsewhere.example/page2 is not under GITHUB_API_URL");
    github.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void withoutATokenNothingIsSentAndTheErrorSaysWhatToSet() {
    env.remove("GITHUB_TOKEN");

    Result result = run("github", "comment", "--body", dir.resolve("plan.md").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .startsWith("error: GITHUB_TOKEN is not set: give this step the job's token");
    github.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void bodyAndLogTogetherAreAUsageError() {
    Result result = run("github", "comment", "--body", "a.md", "--log", "b.log");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.stderr()).contains("mutually exclusive");
    github.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void annotateTurnsDiagnosticsIntoWorkflowCommandsAtRepositoryPaths() throws IOException {
    env.put("GITHUB_WORKSPACE", Path.of("").toAbsolutePath().toString());
    Path err = dir.resolve("plan.err");
    Files.writeString(
        err,
        """
        posthog/a.yaml:5:7: unknown field `rollout` in `filters.groups[0]`; allowed fields: properties, rollout_percentage.
        posthog/b.yaml:2:1: warning: 100% rollout, on purpose?
        error: 2 errors in declarations; nothing was requested.
        Saved to plan.json.
        """);

    Result result = run("github", "annotate", err.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout())
        .isEqualTo(
            """
            ::error file=posthog/a.yaml,line=5,col=7,title=posthog-gitops::unknown field `rollout` in `filters.groups[0]`; allowed fields: properties, rollout_percentage.
            ::warning file=posthog/b.yaml,line=2,col=1,title=posthog-gitops::100%25 rollout, on purpose?
            ::error title=posthog-gitops::2 errors in declarations; nothing was requested.
            """);
  }
}
