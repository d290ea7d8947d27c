package io.posthoggitops.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanInput;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.plan.Planner;
import io.posthoggitops.planfile.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apply command end to end, in-process (as {@link InProcessCli} runs it), against a WireMock
 * PostHog that changes state.
 */
class ApplyCommandTest {
  private static final String P = "/api/projects/4242/";
  private static final String EMPTY =
      "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
  private static final String DESIRED =
      """
      kind: Cohort
      name: Pilot users
      filters:
        properties:
          type: OR
          values:
            - type: AND
              values:
                - {type: person, key: plan, operator: exact, value: [pilot]}
      ---
      kind: FeatureFlag
      key: pilot-banner
      filters:
        groups:
          - properties:
              - {type: cohort, key: id, operator: in, value: {cohort: Pilot users}}
            rollout_percentage: 100
      """;
  private static final WireMockServer api = new WireMockServer(options().dynamicPort());

  @TempDir Path dir;

  @BeforeAll
  static void startServer() {
    api.start();
  }

  @AfterAll
  static void stopServer() {
    api.stop();
  }

  @BeforeEach
  void emptyProject() throws IOException {
    api.resetAll();
    api.stubFor(get(urlEqualTo(P)).willReturn(okJson("{\"id\":4242,\"name\":\"Acme Web\"}")));
    api.stubFor(
        get(urlEqualTo("/api/organizations/@current/"))
            .willReturn(okJson("{\"available_product_features\":[]}")));
    for (String kind :
        new String[] {"actions", "cohorts", "feature_flags", "experiments", "dashboards"}) {
      api.stubFor(get(urlPathEqualTo(P + kind + "/")).atPriority(9).willReturn(okJson(EMPTY)));
    }
    Files.writeString(dir.resolve("pilot.yaml"), DESIRED);
    Files.writeString(dir.resolve("posthog-gitops.yaml"), "annotate: true\n");
  }

  private InProcessCli.Result apply(String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "apply",
                "--api-url",
                api.baseUrl(),
                "--project",
                "4242",
                "--config",
                dir.resolve("posthog-gitops.yaml").toString()));
    args.addAll(java.util.List.of(more));
    return InProcessCli.run(Map.of("MATON_API_KEY", LiveCliTest.KEY), args.toArray(String[]::new))
        .trimmed();
  }

  @Test
  void showsThePlanAndWritesNothingWithoutApprove() {
    InProcessCli.Result result = apply(dir.resolve("pilot.yaml").toString());

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCode.NOT_APPROVED);
    assertThat(result.stdout())
        .contains("+ Cohort \"Pilot users\"", "Plan: 2 to create, 0 to update, 0 to delete.")
        .endsWith(
            "Nothing was written. To apply this plan, run:\n  posthog-gitops apply --api-url "
                + api.baseUrl()
                + " --project 4242 --config "
                + dir.resolve("posthog-gitops.yaml")
                + " "
                + dir.resolve("pilot.yaml")
                + " --approve");
    api.verify(0, postRequestedFor(anyUrl()));
    api.verify(0, patchRequestedFor(anyUrl()));
  }

  @Test
  void appliesThroughA429AndA502AfterCommitWithoutDuplicatesThenAnnotates() {
    api.stubFor(
        post(urlPathEqualTo(P + "cohorts/"))
            .inScenario("cohort")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "0")
                    .withBody(
                        "{\"type\":\"throttled_error\",\"code\":\"throttled\",\"detail\":\"Request was throttled.\",\"attr\":null}"))
            .willSetStateTo("open"));
    api.stubFor(
        post(urlPathEqualTo(P + "cohorts/"))
            .inScenario("cohort")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{\"id\":901,\"name\":\"Pilot users\"}").withStatus(201)));
    api.stubFor(
        post(urlPathEqualTo(P + "feature_flags/"))
            .inScenario("flag")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("created"));
    api.stubFor(
        get(urlPathEqualTo(P + "feature_flags/"))
            .inScenario("flag")
            .whenScenarioStateIs("created")
            .willReturn(
                okJson(
                    "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":5001,\"key\":\"pilot-banner\"}]}")));
    api.stubFor(
        post(urlPathEqualTo(P + "annotations/")).willReturn(okJson("{\"id\":1}").withStatus(201)));

    InProcessCli.Result result = apply(dir.resolve("pilot.yaml").toString(), "--approve");

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCode.OK);
    assertThat(result.stdout())
        .isEqualTo(
            "+ created Cohort \"Pilot users\" (id 901)\n"
                + "+ created FeatureFlag \"pilot-banner\" (id 5001)\nApply complete: 2 created, 0 updated, 0 deleted.");
    api.verify(2, postRequestedFor(urlPathEqualTo(P + "cohorts/")));
    api.verify(
        1,
        postRequestedFor(urlPathEqualTo(P + "feature_flags/"))
            .withRequestBody(
                matchingJsonPath("$.filters.groups[0].properties[0].value", equalTo("901"))));
    api.verify(
        1,
        postRequestedFor(urlPathEqualTo(P + "annotations/"))
            .withRequestBody(
                matchingJsonPath(
                    "$.content",
                    equalTo("posthog-gitops apply: 2 created, 0 updated, 0 deleted"))));
    assertThat(result.stdout() + result.stderr()).doesNotContain(LiveCliTest.KEY);
  }

  @Test
  void annotateOnTheCommandLineAnnotatesWithoutTheConfigFileSayingSo() throws IOException {
    Files.writeString(dir.resolve("posthog-gitops.yaml"), "annotate: false\n");
    api.stubFor(
        post(urlPathEqualTo(P + "cohorts/"))
            .willReturn(okJson("{\"id\":901,\"name\":\"Pilot users\"}").withStatus(201)));
    api.stubFor(
        post(urlPathEqualTo(P + "feature_flags/"))
            .willReturn(okJson("{\"id\":5001,\"key\":\"pilot-banner\"}").withStatus(201)));
    api.stubFor(
        post(urlPathEqualTo(P + "annotations/")).willReturn(okJson("{\"id\":1}").withStatus(201)));

    InProcessCli.Result plain = apply(dir.resolve("pilot.yaml").toString(), "--approve");
    api.verify(0, postRequestedFor(urlPathEqualTo(P + "annotations/")));
    InProcessCli.Result annotated =
        apply(dir.resolve("pilot.yaml").toString(), "--approve", "--annotate");

    assertThat(plain.exitCode()).as(plain.stderr()).isEqualTo(ExitCode.OK);
    assertThat(annotated.exitCode()).as(annotated.stderr()).isEqualTo(ExitCode.OK);
    api.verify(1, postRequestedFor(urlPathEqualTo(P + "annotations/")));
  }

  @Test
  void refusesASavedPlanWhoseCreateNowExistsWithExitFourAndNoWrite() throws IOException {
    Path plan = dir.resolve("plan.json");
    Plan planned = plannedAgainstAnEmptyProject();
    Files.writeString(plan, PlanFiles.write(planned, ChangeDiffs.of(planned)));
    api.stubFor(
        get(urlPathEqualTo(P + "cohorts/"))
            .willReturn(
                okJson(
                    "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":912,\"name\":\"Pilot users\"}]}")));

    InProcessCli.Result result = apply("--plan", plan.toString(), "--approve");

    assertThat(result.exitCode()).isEqualTo(ExitCode.STALE_PLAN);
    assertThat(result.stderr())
        .contains("the saved plan is stale")
        .contains(
            "+ Cohort \"Pilot users\": now exists in PostHog (id 912), created since the plan was made");
    api.verify(0, postRequestedFor(anyUrl()));
    api.verify(0, patchRequestedFor(anyUrl()));
  }

  /** What {@code plan --out} saves for these declarations before anything exists. */
  private static Plan plannedAgainstAnEmptyProject() {
    LiveState empty = new LiveState(api.baseUrl(), 4242, "Acme Web", Set.of(), Map.of());
    PlanMetadata metadata =
        new PlanMetadata(1, "test", api.baseUrl(), 4242, "Acme Web", null, false, null);
    return Planner.plan(
            new PlanInput(
                DeclarationLoader.loadTexts(Map.of("pilot.yaml", DESIRED)).declarations(),
                empty,
                List.of(),
                null,
                false,
                List.of(),
                List.of(),
                metadata))
        .plan();
  }

  @Test
  void stopsAtARefusedWriteWithTheAccountAndExitOne() {
    api.stubFor(
        post(urlPathEqualTo(P + "cohorts/"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"type\":\"validation_error\",\"code\":\"invalid_input\",\"detail\":\"Invalid filters.\",\"attr\":\"filters__properties\"}")));

    InProcessCli.Result result = apply(dir.resolve("pilot.yaml").toString(), "--approve");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.stdout())
        .contains("Failed (1):\n  + create Cohort \"Pilot users\"")
        .contains("    detail: Invalid filters.\n    attr: filters__properties")
        .contains("Not attempted (1):\n  + create FeatureFlag \"pilot-banner\"");
    api.verify(0, postRequestedFor(urlPathEqualTo(P + "feature_flags/")));
    api.verify(0, postRequestedFor(urlPathEqualTo(P + "annotations/")));
  }
}
