package io.posthoggitops.ci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.posthoggitops.ci.LoopbackCi.JSON;
import static io.posthoggitops.ci.LoopbackCi.REPO;
import static io.posthoggitops.ci.LoopbackCi.commit;
import static io.posthoggitops.ci.LoopbackCi.flag;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reusable apply and drift workflows' steps, run as in {@link PlanWorkflowIT}: an apply after a
 * merge deletes what the merge removed (--base is the commit before the push) and posts its result
 * on the merged pull request; a drift run opens the issue with the plan.
 */
class ApplyAndDriftWorkflowsIT {

  private static final LoopbackCi ci = new LoopbackCi();

  @TempDir Path workspace;

  @BeforeAll
  static void start() {
    ci.start();
  }

  @AfterAll
  static void stop() {
    ci.stop();
  }

  @BeforeEach
  void reset() {
    ci.reset();
  }

  @Test
  void anApplyAfterAMergeDeletesWhatItRemovedAndCommentsOnTheMergedPullRequest()
      throws IOException, GitAPIException {
    ci.posthog.stubFor(
        get(urlPathEqualTo("/api/projects/5/feature_flags/"))
            .withQueryParam("offset", equalTo("0"))
            .willReturn(
                okJson(
                    "{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [{\"id\": 3117, \"key\": \"old-banner\", \"name\": \"\", \"active\": true, \"deleted\": false, \"filters\": {\"groups\": [{\"properties\": [], \"rollout_percentage\": 100}]}}]}")));
    ci.posthog.stubFor(
        post(urlPathEqualTo("/api/projects/5/feature_flags/"))
            .willReturn(okJson("{\"id\": 5001, \"key\": \"holiday-banner\"}").withStatus(201)));
    ci.posthog.stubFor(
        patch(urlPathEqualTo("/api/projects/5/feature_flags/3117/"))
            .willReturn(okJson("{\"id\": 3117, \"key\": \"old-banner\", \"deleted\": true}")));
    ci.posthog.stubFor(
        post(urlPathEqualTo("/api/projects/5/annotations/"))
            .willReturn(okJson("{\"id\": 1}").withStatus(201)));
    RevCommit before;
    RevCommit merge;
    try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
      before = commit(git, "posthog/feature-flags/old.yaml", flag("old-banner", 100));
      Files.delete(workspace.resolve("posthog/feature-flags/old.yaml"));
      git.rm().addFilepattern("posthog/feature-flags/old.yaml").call();
      merge = commit(git, "posthog/feature-flags/banner.yaml", flag("holiday-banner", 100));
    }
    mergedPullRequest(7, merge);

    WorkflowRunner.Job job = applyAfterPush(before, merge);

    assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
    String log = job.step("Apply").file("stdout");
    assertThat(log)
        .isEqualTo(
            "+ created FeatureFlag \"holiday-banner\" (id 5001)\n"
                + "- deleted FeatureFlag \"old-banner\" (id 3117)\n"
                + "Apply complete: 1 created, 0 updated, 1 deleted.\n");
    assertThat(posted(REPO + "/issues/7/comments"))
        .isEqualTo(
            "<!-- posthog-gitops-apply -->\n**posthog-gitops apply: done**\n\n```text\n"
                + log.strip()
                + "\n```\n\n[Workflow run](https://github.example/acme/flags/actions/runs/42)\n");
    ci.posthog.verify(1, postRequestedFor(urlPathEqualTo("/api/projects/5/annotations/")));
    ci.assertNoSecretShown(job);
  }

  @Test
  void anApplyThatLeavesAChangeAwaitingApprovalPassesAndSaysSoOnThePullRequest()
      throws IOException, GitAPIException {
    ci.posthog.stubFor(
        get(urlEqualTo("/api/organizations/@current/"))
            .willReturn(okJson("{\"available_product_features\":[{\"key\":\"approvals\"}]}")));
    ci.posthog.stubFor(
        get(urlPathEqualTo("/api/projects/5/feature_flags/"))
            .withQueryParam("offset", equalTo("0"))
            .willReturn(
                okJson(
                    "{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [{\"id\": 3117, \"key\": \"holiday-banner\", \"name\": \"\", \"active\": true, \"deleted\": false, \"version\": 4, \"filters\": {\"groups\": [{\"properties\": [], \"rollout_percentage\": 10}]}}]}")));
    ci.posthog.stubFor(
        patch(urlPathEqualTo("/api/projects/5/feature_flags/3117/"))
            .willReturn(
                okJson(
                        "{\"code\": \"approval_required\", \"status\": \"approval_required\", \"detail\": \"A change request has been created and is pending approval.\", \"resource_type\": \"feature_flag\", \"resource_id\": \"3117\", \"change_request_id\": \"3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88\", \"change_request\": {\"id\": \"3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88\", \"action_key\": \"feature_flag.update\", \"state\": \"pending\", \"approvals\": []}, \"required_approvers\": {\"quorum\": 2, \"users\": [19, 23]}}")
                    .withStatus(409)));
    RevCommit before;
    RevCommit merge;
    try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
      before = commit(git, "posthog/feature-flags/banner.yaml", flag("holiday-banner", 10));
      merge = commit(git, "posthog/feature-flags/banner.yaml", flag("holiday-banner", 50));
    }
    mergedPullRequest(8, merge);

    WorkflowRunner.Job job = applyAfterPush(before, merge);

    assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
    assertThat(job.step("Apply").outputs()).containsEntry("exitcode", "5");
    String log = job.step("Apply").file("stdout");
    assertThat(log)
        .contains(
            "~ awaiting approval FeatureFlag \"holiday-banner\" (id 3117): change request"
                + " #3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88 (0 of 2 approvals; approvers: users 19,"
                + " 23)",
            "Applied what could be applied: 0 created, 0 updated, 0 deleted; 1 change awaits"
                + " approval in PostHog.");
    assertThat(posted(REPO + "/issues/8/comments"))
        .startsWith(
            "<!-- posthog-gitops-apply -->\n**posthog-gitops apply: done; changes await approval"
                + " in PostHog**\n\n```text\n"
                + log.strip());
    ci.posthog.verify(0, postRequestedFor(urlPathEqualTo("/api/projects/5/annotations/")));
    ci.assertNoSecretShown(job);
  }

  @Test
  void aDriftRunOpensOneIssueHoldingThePlan() throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
      commit(git, "posthog/feature-flags/banner.yaml", flag("holiday-banner", 100));
    }
    ci.github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(okJson("[]")));
    ci.github.stubFor(
        post(urlEqualTo(REPO + "/issues"))
            .willReturn(
                aResponse().withStatus(201).withBody("{\"number\": 12, \"html_url\": \"u\"}")));

    WorkflowRunner.Job job =
        ci.run("posthog-drift.yml", "drift", workspace, JSON.createObjectNode());

    assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
    assertThat(job.step("Plan").outputs()).containsEntry("exitcode", "2");
    String plan = job.step("Plan").file("stdout");
    assertThat(plan).startsWith("<!-- posthog-gitops-plan -->\n**Plan: 1 to create");
    assertThat(posted(REPO + "/issues")).isEqualTo("<!-- posthog-gitops-drift -->\n" + plan);
    assertThat(job.step("Open, update or close the drift issue").stdout())
        .isEqualTo("Opened issue #12: u\n");
    ci.assertNoSecretShown(job);
  }

  /** The apply workflow's job for a push from {@code before} to {@code merge}. */
  private WorkflowRunner.Job applyAfterPush(RevCommit before, RevCommit merge) throws IOException {
    return ci.run(
        "posthog-apply.yml",
        "apply",
        workspace,
        JSON.createObjectNode().put("before", before.getName()).put("after", merge.getName()));
  }

  /** GitHub knows {@code merge} as the merge of pull request {@code number}, without comments. */
  private static void mergedPullRequest(int number, RevCommit merge) {
    String issue = REPO + "/issues/" + number + "/comments";
    ci.github.stubFor(
        get(urlEqualTo(REPO + "/commits/" + merge.getName() + "/pulls"))
            .willReturn(
                okJson(
                    "[{\"number\": "
                        + number
                        + ", \"merged_at\": \"2026-01-01T00:00:00Z\", \"merge_commit_sha\": \""
                        + merge.getName()
                        + "\"}]")));
    ci.github.stubFor(get(urlPathEqualTo(issue)).willReturn(okJson("[]")));
    ci.github.stubFor(
        post(urlEqualTo(issue))
            .willReturn(aResponse().withStatus(201).withBody("{\"id\": 1, \"html_url\": \"u\"}")));
  }

  private static String posted(String path) throws IOException {
    List<LoggedRequest> posted = ci.github.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(posted).hasSize(1);
    return LoopbackCi.body(posted.get(0));
  }
}
