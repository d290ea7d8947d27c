package io.posthoggitops.ci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reusable apply and drift workflows' steps, run as in {@link PlanWorkflowIT}: an apply after a
 * merge posts its result on the merged pull request; a drift run opens the issue with the plan.
 */
class ApplyAndDriftWorkflowsIT {

  private static final String KEY = "phx_RECOGNISABLE_fake_key_in_workflow_51c0";
  private static final String TOKEN = "ghs_RECOGNISABLE_fake_token_in_workflow_0b7e";
  private static final String REPO = "/repos/acme/flags";
  private static final String EMPTY =
      "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireMockServer posthog = new WireMockServer(options().dynamicPort());
  private static final WireMockServer github = new WireMockServer(options().dynamicPort());
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();

  @TempDir Path workspace;
  @TempDir Path runner;

  @BeforeAll
  static void start() {
    posthog.start();
    github.start();
  }

  @AfterAll
  static void stop() {
    posthog.stop();
    github.stop();
  }

  @BeforeEach
  void stubs() {
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

  @Test
  void anApplyAfterAMergePostsItsResultOnTheMergedPullRequest()
      throws IOException, GitAPIException {
    posthog.stubFor(
        post(urlPathEqualTo("/api/projects/5/feature_flags/"))
            .willReturn(okJson("{\"id\": 5001, \"key\": \"holiday-banner\"}").withStatus(201)));
    posthog.stubFor(
        post(urlPathEqualTo("/api/projects/5/annotations/"))
            .willReturn(okJson("{\"id\": 1}").withStatus(201)));
    posthog.stubFor(
        get(urlPathEqualTo("/api/projects/5/feature_flags/"))
            .withQueryParam("offset", equalTo("0"))
            .willReturn(
                okJson(
                    "{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [{\"id\": 3117, \"key\": \"old-banner\", \"name\": \"\", \"active\": true, \"deleted\": false, \"filters\": {\"groups\": [{\"properties\": [], \"rollout_percentage\": 100}]}}]}")));
    posthog.stubFor(
        patch(urlPathEqualTo("/api/projects/5/feature_flags/3117/"))
            .willReturn(okJson("{\"id\": 3117, \"key\": \"old-banner\", \"deleted\": true}")));
    RevCommit before;
    RevCommit merge;
    try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
      before = commit(git, "posthog/feature-flags/old.yaml", flag("old-banner"));
      Files.delete(workspace.resolve("posthog/feature-flags/old.yaml"));
      git.rm().addFilepattern("posthog/feature-flags/old.yaml").call();
      merge = commit(git, "posthog/feature-flags/banner.yaml", flag("holiday-banner"));
    }
    github.stubFor(
        get(urlEqualTo(REPO + "/commits/" + merge.getName() + "/pulls"))
            .willReturn(
                okJson(
                    "[{\"number\": 7, \"merged_at\": \"2026-01-01T00:00:00Z\", \"merge_commit_sha\": \""
                        + merge.getName()
                        + "\"}]")));
    github.stubFor(get(urlPathEqualTo(REPO + "/issues/7/comments")).willReturn(okJson("[]")));
    github.stubFor(
        post(urlEqualTo(REPO + "/issues/7/comments"))
            .willReturn(aResponse().withStatus(201).withBody("{\"id\": 1, \"html_url\": \"u\"}")));
    ObjectNode event =
        JSON.createObjectNode().put("before", before.getName()).put("after", merge.getName());

    WorkflowRunner.Job job = run("posthog-apply.yml", "apply", event);

    assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
    String log = job.step("Apply").file("stdout");
    assertThat(log)
        .isEqualTo(
            "+ created FeatureFlag \"holiday-banner\" (id 5001)\n"
                + "- deleted FeatureFlag \"old-banner\" (id 3117)\n"
                + "Apply complete: 1 created, 0 updated, 1 deleted.\n");
    assertThat(body(REPO + "/issues/7/comments"))
        .isEqualTo(
            "<!-- posthog-gitops-apply -->\n**posthog-gitops apply: done**\n\n```text\n"
                + log.strip()
                + "\n```\n\n[Workflow run](https://github.example/acme/flags/actions/runs/43)\n");
    posthog.verify(1, postRequestedFor(urlPathEqualTo("/api/projects/5/annotations/")));
    assertNoSecretShown(job);
  }

  @Test
  void aDriftRunOpensOneIssueHoldingThePlan() throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
      commit(git, "posthog/feature-flags/banner.yaml", flag("holiday-banner"));
    }
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(okJson("[]")));
    github.stubFor(
        post(urlEqualTo(REPO + "/issues"))
            .willReturn(
                aResponse().withStatus(201).withBody("{\"number\": 12, \"html_url\": \"u\"}")));

    WorkflowRunner.Job job = run("posthog-drift.yml", "drift", JSON.createObjectNode());

    assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
    assertThat(job.step("Plan").outputs()).containsEntry("exitcode", "2");
    String plan = job.step("Plan").file("stdout");
    assertThat(plan).startsWith("<!-- posthog-gitops-plan -->\n**Plan: 1 to create");
    assertThat(body(REPO + "/issues")).isEqualTo("<!-- posthog-gitops-drift -->\n" + plan);
    assertThat(job.step("Open, update or close the drift issue").stdout())
        .isEqualTo("Opened issue #12: u\n");
    assertNoSecretShown(job);
  }

  private WorkflowRunner.Job run(String workflow, String jobId, JsonNode event) throws IOException {
    Path file = runner.resolve("event.json");
    Files.writeString(file, event.toString());
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_API_URL", github.baseUrl());
    env.put("GITHUB_SERVER_URL", "https://github.example");
    env.put("GITHUB_REPOSITORY", "acme/flags");
    env.put("GITHUB_EVENT_PATH", file.toString());
    env.put("GITHUB_RUN_ID", "43");
    WorkflowRunner runs =
        new WorkflowRunner(
            REPOSITORY, REPOSITORY.resolve("target/posthog-gitops.jar"), workspace, env);
    Map<String, Object> contexts =
        Map.of(
            "github", Map.of("event", event, "token", TOKEN, "repository", "acme/flags"),
            "inputs", Map.of("api-url", posthog.baseUrl()),
            "secrets", Map.of("MATON_API_KEY", KEY),
            "vars", Map.of("POSTHOG_PROJECT_ID", "5"));
    return runs.run(REPOSITORY.resolve(".github/workflows").resolve(workflow), jobId, contexts);
  }

  private static void assertNoSecretShown(WorkflowRunner.Job job) {
    for (WorkflowRunner.Step step : job.steps()) {
      assertThat(step.stdout() + step.stderr()).doesNotContain(KEY).doesNotContain(TOKEN);
    }
    github
        .findAll(postRequestedFor(anyUrl()))
        .forEach(r -> assertThat(r.getBodyAsString()).doesNotContain(KEY));
  }

  private static String body(String path) throws IOException {
    var posted = github.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(posted).hasSize(1);
    return JSON.readTree(posted.get(0).getBodyAsString()).get("body").asText();
  }

  private static String flag(String key) {
    return "kind: FeatureFlag\nkey: "
        + key
        + "\nfilters:\n  groups:\n    - properties: []\n      rollout_percentage: 100\n";
  }

  private RevCommit commit(Git git, String file, String text) throws IOException, GitAPIException {
    Path path = workspace.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    git.add().addFilepattern(".").call();
    PersonIdent who =
        new PersonIdent(
            "Dev", "dev@example.com", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    return git.commit().setMessage(file).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
