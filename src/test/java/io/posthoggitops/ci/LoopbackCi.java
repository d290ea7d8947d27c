package io.posthoggitops.ci;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What the workflow tests run against: a loopback PostHog (project 5, nothing in it unless a test
 * stubs more) and a loopback GitHub (WireMock), the user's repository as a git work tree, and a
 * {@link WorkflowRunner} with the contexts GitHub would give the job. The key and the token are
 * fakes a test can look for in every output.
 */
final class LoopbackCi {

  static final String KEY = "phx_RECOGNISABLE_fake_key_in_workflow_9e2d";
  static final String TOKEN = "ghs_RECOGNISABLE_fake_token_in_workflow_41aa";
  static final String REPO = "/repos/acme/flags";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMPTY =
      "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();

  final WireMockServer posthog = new WireMockServer(options().dynamicPort());
  final WireMockServer github = new WireMockServer(options().dynamicPort());

  void start() {
    posthog.start();
    github.start();
  }

  void stop() {
    posthog.stop();
    github.stop();
  }

  /** Forgets every request and stub; PostHog is an empty project 5 again. */
  void reset() {
    posthog.resetAll();
    github.resetAll();
    posthog.stubFor(
        get(urlPathMatching("/api/projects/5/.*")).atPriority(9).willReturn(okJson(EMPTY)));
    posthog.stubFor(
        get(urlEqualTo("/api/projects/5/")).willReturn(okJson("{\"id\":5,\"name\":\"Acme Web\"}")));
    posthog.stubFor(
        get(urlEqualTo("/api/organizations/@current/"))
            .willReturn(okJson("{\"available_product_features\":[]}")));
  }

  /**
   * Runs a job of one of this repository's reusable workflows for {@code event}, in {@code
   * workspace}, with the key as the secret MATON_API_KEY and project 5 as POSTHOG_PROJECT_ID.
   */
  WorkflowRunner.Job run(String workflow, String job, Path workspace, JsonNode event)
      throws IOException {
    return run(workflow, job, workspace, event, Map.of());
  }

  /** As above, with {@code inputs} given to the workflow besides the API URL. */
  WorkflowRunner.Job run(
      String workflow, String job, Path workspace, JsonNode event, Map<String, Object> inputs)
      throws IOException {
    Path file = Files.createTempFile("event", ".json");
    Files.writeString(file, event.toString());
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_API_URL", github.baseUrl());
    env.put("GITHUB_SERVER_URL", "https://github.example");
    env.put("GITHUB_REPOSITORY", "acme/flags");
    env.put("GITHUB_EVENT_PATH", file.toString());
    env.put("GITHUB_RUN_ID", "42");
    WorkflowRunner runner =
        new WorkflowRunner(
            REPOSITORY, REPOSITORY.resolve("target/posthog-gitops.jar"), workspace, env);
    Map<String, Object> contexts =
        Map.of(
            "github", Map.of("event", event, "token", TOKEN, "repository", "acme/flags"),
            "inputs", withApiUrl(inputs),
            "secrets", Map.of("MATON_API_KEY", KEY),
            "vars", Map.of("POSTHOG_PROJECT_ID", "5"));
    return runner.run(REPOSITORY.resolve(".github/workflows").resolve(workflow), job, contexts);
  }

  private Map<String, Object> withApiUrl(Map<String, Object> inputs) {
    Map<String, Object> all = new HashMap<>(inputs);
    all.put("api-url", posthog.baseUrl());
    return all;
  }

  /** The event of pull request #7 on top of {@code baseSha}, as GitHub writes it. */
  static JsonNode pullRequest(String baseSha) {
    return JSON.createObjectNode()
        .put("number", 7)
        .set(
            "pull_request",
            JSON.createObjectNode()
                .put("number", 7)
                .set("base", JSON.createObjectNode().put("sha", baseSha)));
  }

  /** A second empty project, {@code id}, beside project 5. */
  void addProject(int id, String name) {
    posthog.stubFor(
        get(urlPathMatching("/api/projects/" + id + "/.*"))
            .atPriority(9)
            .willReturn(okJson(EMPTY)));
    posthog.stubFor(
        get(urlEqualTo("/api/projects/" + id + "/"))
            .willReturn(okJson("{\"id\":" + id + ",\"name\":\"" + name + "\"}")));
  }

  /** Neither fake secret in any step's output; the token only in GitHub's Authorization header. */
  void assertNoSecretShown(WorkflowRunner.Job... jobs) {
    for (WorkflowRunner.Job job : jobs) {
      for (WorkflowRunner.Step step : job.steps()) {
        assertThat(step.stdout() + step.stderr()).doesNotContain(KEY).doesNotContain(TOKEN);
      }
    }
    for (LoggedRequest request : github.findAll(anyRequestedFor(anyUrl()))) {
      assertThat(request.getBodyAsString()).doesNotContain(KEY).doesNotContain(TOKEN);
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }
  }

  /** The {@code body} GitHub received in {@code request}. */
  static String body(LoggedRequest request) throws IOException {
    return JSON.readTree(request.getBodyAsString()).get("body").asText();
  }

  static String flag(String key, int rollout) {
    return "kind: FeatureFlag\nkey: "
        + key
        + "\nfilters:\n  groups:\n    - properties: []\n      rollout_percentage: "
        + rollout
        + "\n";
  }

  /** Writes {@code text} to {@code file} in the work tree and commits it at a fixed time. */
  static RevCommit commit(Git git, String file, String text) throws IOException, GitAPIException {
    Path path = git.getRepository().getWorkTree().toPath().resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    git.add().addFilepattern(".").call();
    PersonIdent who =
        new PersonIdent(
            "Dev", "dev@example.com", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    return git.commit().setMessage(file).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
