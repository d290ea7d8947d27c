package io.posthoggitops.apply;

import static io.posthoggitops.apply.ApplyRunTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.apply.ApplyProcess.Result;
import io.posthoggitops.apply.ApplyProcess.Settings;
import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanInput;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.plan.Planner;
import io.posthoggitops.planfile.PlanFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plan made by the real planner, saved and read back as {@code plan --out} and {@code apply
 * --plan} do, then applied after PostHog has or has not moved.
 */
class SavedPlanTest {
  private static final String DESIRED =
      """
      kind: FeatureFlag
      key: new-checkout
      name: One-page checkout
      active: false
      filters:
        groups:
          - properties: []
            rollout_percentage: 50
      ---
      kind: Cohort
      name: Pilot users
      filters:
        properties:
          type: OR
          values:
            - type: AND
              values:
                - {type: person, key: plan, operator: exact, value: [pilot]}
      """;
  private static final Settings APPROVED = new Settings(true, null, false, null);

  private final FakePostHog api = new FakePostHog();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void liveFlag() {
    api.add(
        "feature_flags",
        json(
            "{'id':4821,'key':'new-checkout','name':'One-page checkout','active':true,'version':3,"
                + "'updated_at':'2026-11-01T00:00:00Z','filters':{'groups':[{'properties':[],'rollout_percentage':50}]}}"));
  }

  private Plan savedAndReadBack() {
    LoadResult loaded = DeclarationLoader.loadTexts(Map.of("flags.yaml", DESIRED));
    PlanMetadata metadata =
        new PlanMetadata(1, "test", "http://fake", 4242, "Acme Web", null, false, null);
    Plan plan =
        Planner.plan(
                new PlanInput(
                    loaded.declarations(),
                    LiveStateReader.read(api, "http://fake"),
                    List.of(),
                    null,
                    false,
                    List.of(),
                    List.of(),
                    metadata))
            .plan();
    return PlanFiles.read(PlanFiles.write(plan, ChangeDiffs.of(plan)), "plan.json");
  }

  private Result applySaved(Plan plan) {
    return new ApplyProcess(
            api, new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC())
        .applySaved(plan, "plan.json", APPROVED, p -> "", StalePlanCheck.withPlannerFingerprints());
  }

  @Test
  void appliesExactlyThePlannedRequestsWhenOnlyServerFieldsMoved() {
    Plan plan = savedAndReadBack();
    api.all("feature_flags").get(0).put("version", 9).put("updated_at", "2026-11-28T00:00:00Z");

    assertThat(applySaved(plan)).as(err.toString()).isEqualTo(Result.APPLIED);
    assertThat(api.writes)
        .containsExactly(
            plan.changes().get(0).requests().get(0).method()
                + " "
                + plan.changes().get(0).requests().get(0).path()
                + " "
                + plan.changes().get(0).requests().get(0).body(),
            plan.changes().get(1).requests().get(0).method()
                + " "
                + plan.changes().get(1).requests().get(0).path()
                + " "
                + plan.changes().get(1).requests().get(0).body());
  }

  @Test
  void refusesAPlanWhoseObjectWasEditedInPostHogSince() {
    Plan plan = savedAndReadBack();
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            api.all("feature_flags").get(0).at("/filters/groups/0"))
        .put("rollout_percentage", 80);

    assertThat(applySaved(plan)).isEqualTo(Result.STALE_PLAN);
    assertThat(api.writes).isEmpty();
    assertThat(err.toString())
        .contains(
            "~ FeatureFlag \"new-checkout\" (id 4821): changed in PostHog since the plan was made (filters)");
  }

  @Test
  void refusesAPlanWhoseCreateNowExists() {
    Plan plan = savedAndReadBack();
    api.add("cohorts", json("{'id':912,'name':'Pilot users','filters':{}}"));

    assertThat(applySaved(plan)).isEqualTo(Result.STALE_PLAN);
    assertThat(api.writes).isEmpty();
    assertThat(err.toString()).contains("+ Cohort \"Pilot users\": now exists in PostHog (id 912)");
  }
}
