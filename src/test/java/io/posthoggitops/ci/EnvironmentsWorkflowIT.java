package io.posthoggitops.ci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reusable plan workflow with {@code all-envs: true} for a repository whose config names two
 * environments: one comment holds a section per environment, each planned against its own project
 * (not the POSTHOG_PROJECT_ID variable), and no saved plan is kept.
 */
class EnvironmentsWorkflowIT {

  private static final String COMMENTS = REPO + "/issues/7/comments";
  private static final LoopbackCi ci = new LoopbackCi();

  @TempDir Path workspace;

  @BeforeAll
  static void start() {
    ci.start();
    ci.reset();
    ci.addProject(6, "Acme Production");
    ci.github.stubFor(get(urlEqualTo(COMMENTS + "?per_page=100")).willReturn(okJson("[]")));
    ci.github.stubFor(
        post(urlEqualTo(COMMENTS))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        JSON.createObjectNode()
                            .put("id", 901)
                            .put("html_url", "https://github.example/acme/flags/pull/7#c-901")
                            .toString())));
  }

  @AfterAll
  static void stop() {
    ci.stop();
  }

  @Test
  void oneCommentHoldsEveryEnvironmentEachPlannedAgainstItsOwnProject()
      throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
      RevCommit base =
          commit(
              git,
              "posthog-gitops.yaml",
              "environments:\n  staging: {project: 5}\n  production: {project: 6}\n");
      commit(
          git,
          "posthog/feature-flags/checkout.yaml",
          flag("one-page-checkout", 30) + "only: [staging]\n");
      JsonNode event = LoopbackCi.pullRequest(base.getName());

      WorkflowRunner.Job job =
          ci.run("posthog-plan.yml", "plan", workspace, event, Map.of("all-envs", true));

      assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
      List<LoggedRequest> posted = ci.github.findAll(postRequestedFor(anyUrl()));
      assertThat(posted).hasSize(1);
      String comment = body(posted.get(0));
      assertThat(comment.split("<!-- posthog-gitops-plan -->", -1)).hasSize(2);
      assertThat(comment)
          .contains("Environment staging · project 5 (Acme Web)")
          .contains("Environment production · project 6 (Acme Production)")
          .contains("one-page-checkout");
      assertThat(ci.posthog.findAll(getRequestedFor(urlPathMatching("/api/projects/6/.*"))))
          .isNotEmpty();
      assertThat(job.step("Keep the saved plan").outcome()).isEqualTo("skipped");
      ci.assertNoSecretShown(job);
    }
  }
}
