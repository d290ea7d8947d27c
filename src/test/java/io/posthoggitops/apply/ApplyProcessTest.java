package io.posthoggitops.apply;

import static io.posthoggitops.apply.ApplyRunTest.json;
import static io.posthoggitops.apply.ApplyRunTest.pilotCohort;
import static io.posthoggitops.apply.ApplyRunTest.pilotFlag;
import static io.posthoggitops.apply.ApplyRunTest.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.posthoggitops.apply.ApplyProcess.Result;
import io.posthoggitops.apply.ApplyProcess.Settings;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApplyProcessTest {
  private static final Settings UNAPPROVED =
      new Settings(false, "posthog-gitops apply flags --approve", false, null);
  private static final Settings APPROVED = new Settings(true, null, true, "3f9c2e1aa");
  private static final StalePlanCheck BY_TEXT =
      new StalePlanCheck(
          (live, state) -> live.raw(), (live, state, before) -> String.valueOf(live.raw()));

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final FakePostHog api = new FakePostHog();
  private final ApplyProcess process =
      new ApplyProcess(
          api,
          new PrintWriter(out),
          new PrintWriter(err),
          Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

  private static String view(Plan plan) {
    return "<plan of " + plan.changes().size() + ">\n";
  }

  @Test
  void writesNothingWithoutApproveAndShowsTheCommandThatApproves() {
    Result result =
        process.applyFresh(plan(pilotCohort(), pilotFlag()), UNAPPROVED, ApplyProcessTest::view);

    assertThat(result).isEqualTo(Result.NOT_APPROVED);
    assertThat(api.writes).isEmpty();
    assertThat(out.toString())
        .isEqualTo(
            "<plan of 2>\nNothing was written. To apply this plan, run:\n"
                + "  posthog-gitops apply flags --approve\n");
  }

  @Test
  void reportsNoChangesWithoutAskingForApproval() {
    assertThat(process.applyFresh(plan(), UNAPPROVED, ApplyProcessTest::view))
        .isEqualTo(Result.NO_CHANGES);
    assertThat(out.toString()).isEqualTo("No changes. PostHog matches the declared state.\n");
  }

  @Test
  void appliesAnApprovedPlanAndAnnotatesIt() {
    Result result =
        process.applyFresh(plan(pilotCohort(), pilotFlag()), APPROVED, ApplyProcessTest::view);

    assertThat(result).isEqualTo(Result.APPLIED);
    assertThat(api.writes).hasSize(3);
    assertThat(api.all("annotations").get(0).path("content").asText())
        .isEqualTo("posthog-gitops apply 3f9c2e1: 2 created, 0 updated, 0 deleted");
  }

  @Test
  void refusesAStaleSavedPlanBeforeAnyWrite() {
    api.add("cohorts", json("{'id':912,'name':'Pilot users'}"));

    Result result =
        process.applySaved(
            plan(pilotCohort(), pilotFlag()),
            "plan.json",
            APPROVED,
            ApplyProcessTest::view,
            BY_TEXT);

    assertThat(result).isEqualTo(Result.STALE_PLAN);
    assertThat(api.writes).isEmpty();
    assertThat(err.toString())
        .contains("the saved plan is stale")
        .contains("+ Cohort \"Pilot users\": now exists in PostHog (id 912)");
  }

  @Test
  void refusesASavedPlanMadeForAnotherProject() {
    Plan other =
        new Plan(
            new PlanMetadata(1, "t", "u", 7, "Other", null, false, null),
            plan(pilotCohort()).changes(),
            0,
            java.util.List.of());

    assertThatThrownBy(
            () -> process.applySaved(other, "plan.json", APPROVED, ApplyProcessTest::view, BY_TEXT))
        .hasMessageContaining(
            "plan.json is for project 7 (Other), but the target is project 4242 (Acme Web)");
    assertThat(api.writes).isEmpty();
  }

  @Test
  void failsWithTheAccountAndNoAnnotationWhenAWriteIsRefused() {
    api.rejectWrite(2, "Invalid filters.", "filters__groups");

    Result result =
        process.applyFresh(plan(pilotCohort(), pilotFlag()), APPROVED, ApplyProcessTest::view);

    assertThat(result).isEqualTo(Result.FAILED);
    assertThat(api.writes).hasSize(2);
    assertThat(out.toString()).contains("Failed (1):").contains("attr: filters__groups");
    assertThat(err.toString()).contains("error: apply stopped at FeatureFlag \"pilot-banner\"");
  }
}
