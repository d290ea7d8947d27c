package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanInput;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.plan.PlanResult;
import io.posthoggitops.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real loader, planner and request builder against a PostHog that keeps state: an apply
 * followed by a plan shows no changes, and an apply stopped half-way converges when run again.
 */
class ConvergenceTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Map<String, String> desired() throws IOException {
    try (InputStream in = ConvergenceTest.class.getResourceAsStream("/apply/converge/pilot.yaml")) {
      return Map.of("pilot.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Plan plan(FakePostHog api) throws IOException {
    return plan(api, desired());
  }

  private static Plan plan(FakePostHog api, Map<String, String> files) {
    LoadResult loaded = DeclarationLoader.loadTexts(files);
    assertThat(loaded.diagnostics()).isEmpty();
    PlanMetadata metadata =
        new PlanMetadata(1, "test", "http://fake", 4242, "Acme Web", null, false, null);
    PlanInput input =
        new PlanInput(
            loaded.declarations(),
            LiveStateReader.read(api, "http://fake"),
            List.of(),
            null,
            false,
            List.of(),
            List.of(),
            metadata);
    PlanResult result = Planner.plan(input);
    assertThat(result.diagnostics()).isEmpty();
    return result.plan();
  }

  private ApplyReport apply(FakePostHog api) throws IOException {
    return new ApplyRun(api, new PrintWriter(out, true), new PrintWriter(err, true)).run(plan(api));
  }

  @Test
  void anAppliedPlanLeavesNothingToChange() throws IOException {
    FakePostHog api = new FakePostHog();

    ApplyReport report = apply(api);

    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
    assertThat(out.toString())
        .contains(
            "+ created Cohort \"Pilot users\"",
            "+ created FeatureFlag \"pilot-banner\"",
            "+ created Experiment \"button-color\"",
            "+ created Dashboard \"Checkout\"");
    assertThat(api.all("feature_flags").get(0).at("/filters/groups/0/properties/0/value").asLong())
        .isEqualTo(api.all("cohorts").get(0).path("id").asLong());
    assertThat(plan(api).changes()).isEmpty();
  }

  @ParameterizedTest(name = "write {0} refused")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void anApplyStoppedAtAnyWriteConvergesWhenRunAgainWithoutDuplicates(int failing)
      throws IOException {
    FakePostHog api = new FakePostHog().rejectWrite(failing, "Something is wrong.", "name");

    assertThat(apply(api).succeeded()).isFalse();
    assertThat(api.writes).hasSize(failing);
    ApplyReport rerun = apply(api);

    assertThat(rerun.succeeded()).as(String.join("\n", rerun.summary())).isTrue();
    assertOnceEach(api);
    assertThat(plan(api).changes()).isEmpty();
  }

  @ParameterizedTest(name = "answer to write {0} lost")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void aPostWhoseAnswerIsLostIsNeverSentTwice(int lost) throws IOException {
    FakePostHog api = new FakePostHog().loseAnswerOfWrite(lost);

    ApplyReport report = apply(api);

    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
    assertThat(api.writes).hasSize(7);
    assertOnceEach(api);
    assertThat(plan(api).changes()).isEmpty();
  }

  @Test
  void aChangedTextTileIsEditedInPlaceAndThePlanThenConverges() throws IOException {
    FakePostHog api = new FakePostHog();
    assertThat(apply(api).succeeded()).isTrue();
    Map<String, String> edited =
        Map.of(
            "pilot.yaml",
            desired().get("pilot.yaml").replace("## Checkout health", "## Checkout health (EU)"));
    long textTileId = textTile(api).path("id").asLong();

    ApplyReport report =
        new ApplyRun(api, new PrintWriter(out, true), new PrintWriter(err, true))
            .run(plan(api, edited));

    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
    assertThat(api.all("dashboards").get(0).path("tiles")).hasSize(2);
    assertThat(textTile(api).path("id").asLong()).isEqualTo(textTileId);
    assertThat(textTile(api).at("/text/body").asText()).isEqualTo("## Checkout health (EU)");
    assertThat(plan(api, edited).changes()).isEmpty();
  }

  private static com.fasterxml.jackson.databind.JsonNode textTile(FakePostHog api) {
    for (var tile : api.all("dashboards").get(0).path("tiles")) {
      if (tile.path("text").isObject() && !tile.path("deleted").asBoolean(false)) {
        return tile;
      }
    }
    throw new AssertionError("no text tile");
  }

  private static void assertOnceEach(FakePostHog api) {
    assertThat(api.all("cohorts")).hasSize(1);
    assertThat(api.all("feature_flags")).hasSize(1);
    assertThat(api.all("experiments")).hasSize(1);
    assertThat(api.all("dashboards")).hasSize(1);
    assertThat(api.all("insights")).hasSize(1);
    assertThat(api.all("dashboards").get(0).path("tiles")).hasSize(2);
  }
}
