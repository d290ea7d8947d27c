package io.posthoggitops.ci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.posthoggitops.ci.LoopbackCi.JSON;
import static io.posthoggitops.ci.LoopbackCi.REPO;
import static io.posthoggitops.ci.LoopbackCi.body;
import static io.posthoggitops.ci.LoopbackCi.commit;
import static io.posthoggitops.ci.LoopbackCi.flag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reusable plan workflow's steps, run as a GitHub runner would run them (action.yml and its
 * scripts, the built jar, the shell steps; see {@link WorkflowRunner}) against a loopback PostHog
 * and a loopback GitHub, for three pushes to one pull request: the plan comment is created, then
 * updated in place, then replaced by the validation errors, which also fail the check and annotate
 * the file. Runs after {@code package}, since the steps run the built jar.
 */
class PlanWorkflowIT {

  private static final String COMMENTS = REPO + "/issues/7/comments";
  private static final LoopbackCi ci = new LoopbackCi();

  @TempDir Path workspace;

  @BeforeAll
  static void start() {
    ci.start();
    ci.reset();
    ci.github.stubFor(
        get(urlEqualTo(COMMENTS + "?per_page=100"))
            .inScenario("comment")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("[{\"id\": 880, \"body\": \"Nice, ship it\"}]")));
    ci.github.stubFor(
        post(urlEqualTo(COMMENTS))
            .inScenario("comment")
            .willReturn(aResponse().withStatus(201).withBody(comment("created")))
            .willSetStateTo("posted"));
    ci.github.stubFor(
        get(urlEqualTo(COMMENTS + "?per_page=100"))
            .inScenario("comment")
            .whenScenarioStateIs("posted")
            .willReturn(
                okJson(
                    "[{\"id\": 880, \"body\": \"Nice, ship it\"}, "
                        + comment("<!-- posthog-gitops-plan -->\nan earlier plan")
                        + "]")));
    ci.github.stubFor(
        patch(urlEqualTo(REPO + "/issues/comments/901")).willReturn(okJson(comment("edited"))));
  }

  @AfterAll
  static void stop() {
    ci.stop();
  }

  private static String comment(String body) {
    return JSON.createObjectNode()
        .put("id", 901)
        .put("body", body)
        .put("html_url", "https://github.example/acme/flags/pull/7#issuecomment-901")
        .toString();
  }

  @Test
  void onePullRequestCommentFollowsEveryPushAndAValidationFailureFailsTheCheck()
      throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
      RevCommit base =
          commit(git, "posthog/feature-flags/checkout.yaml", flag("one-page-checkout", 30));

      commit(git, "posthog/feature-flags/banner.yaml", flag("holiday-banner", 100));
      WorkflowRunner.Job first = plan(base);
      commit(git, "posthog/feature-flags/checkout.yaml", flag("one-page-checkout", 50));
      WorkflowRunner.Job second = plan(base);
      commit(
          git,
          "posthog/feature-flags/banner.yaml",
          flag("holiday-banner", 100).replace("filters:", "rolout: 5\nfilters:"));
      WorkflowRunner.Job third = plan(base);

      List<LoggedRequest> posted = ci.github.findAll(postRequestedFor(anyUrl()));
      List<LoggedRequest> edited = ci.github.findAll(patchRequestedFor(anyUrl()));
      assertThat(posted).hasSize(1);
      assertThat(edited).hasSize(2);
      assertFirstPushCreatedTheComment(first, body(posted.get(0)));
      assertSecondPushUpdatedIt(second, body(edited.get(0)), body(posted.get(0)));
      assertValidationFailureReplacedItAndFailed(third, body(edited.get(1)));
      ci.assertNoSecretShown(first, second, third);
    }
  }

  private void assertFirstPushCreatedTheComment(WorkflowRunner.Job job, String body)
      throws IOException {
    assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
    String plan = job.step("Plan").file("stdout");
    assertThat(plan)
        .startsWith(
            "<!-- posthog-gitops-plan -->\n**Plan: 2 to create, 0 to update, 0 to delete.**")
        .contains("one-page-checkout", "holiday-banner");
    assertThat(body).isEqualTo(plan);
    assertThat(job.summary()).isEqualTo(plan);
    JsonNode saved = JSON.readTree(job.artifacts().get("posthog-plan").toFile());
    assertThat(saved.path("changes")).hasSize(2);
  }

  private void assertSecondPushUpdatedIt(WorkflowRunner.Job job, String body, String firstBody)
      throws IOException {
    assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
    assertThat(body).isEqualTo(job.step("Plan").file("stdout")).isNotEqualTo(firstBody);
    assertThat(job.step("Post the plan on the pull request").stdout())
        .startsWith("Updated the plan comment on pull request #7: ");
    assertThat(job.artifacts()).containsKey("posthog-plan");
  }

  private void assertValidationFailureReplacedItAndFailed(WorkflowRunner.Job job, String body)
      throws IOException {
    assertThat(job.succeeded()).isFalse();
    assertThat(job.step("Plan").outcome()).isEqualTo("failure-continued");
    String stderr = job.step("Plan").file("stderr");
    assertThat(stderr).contains("posthog/feature-flags/banner.yaml:3:1: unknown field `rolout`");
    assertThat(body)
        .isEqualTo(
            "<!-- posthog-gitops-plan -->\n"
                + "**posthog-gitops plan failed (exit 1): nothing was planned. Fix what is below and push again.**\n\n"
                + "```text\n"
                + stderr.strip()
                + "\n```\n\n"
                + "[Workflow run](https://github.example/acme/flags/actions/runs/42)\n");
    WorkflowRunner.Step report = job.step("Post the plan on the pull request");
    assertThat(report.outcome()).isEqualTo("failure-stopped");
    assertThat(report.stdout())
        .contains(
            "::error file=posthog/feature-flags/banner.yaml,line=3,col=1,title=posthog-gitops::unknown field `rolout`");
    assertThat(job.summary()).isEqualTo(body);
    assertThat(job.step("Keep the saved plan").outcome()).isEqualTo("skipped");
  }

  private WorkflowRunner.Job plan(RevCommit base) throws IOException {
    JsonNode event = LoopbackCi.pullRequest(base.getName());
    return ci.run("posthog-plan.yml", "plan", workspace, event);
  }
}
