package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.impact.Calls;
import io.posthoggitops.impact.ChangeImpact;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.planfile.PlanFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

  @Test
  void aSavedPlanReadsBackAsTheSamePlan() {
    Plan plan = SamplePlans.illustrated();

    Plan read = PlanFiles.read(PlanFiles.write(plan, ChangeDiffs.of(plan)), "plan.json");

    assertThat(read).isEqualTo(plan);
  }

  @Test
  void impactInASavedPlanIsShownButNeverReadBack() {
    Plan plan = SamplePlans.illustrated();
    Address deleted = plan.changes().get(3).address();
    Impact impact =
        new Impact(7, Map.of(deleted, new ChangeImpact(new Calls(12_345, 4_102), true, List.of())));

    String written = PlanFiles.write(plan, ChangeDiffs.of(plan), impact);

    assertThat(written).contains("\"still_called\" : true");
    assertThat(PlanFiles.read(written, "plan.json")).isEqualTo(plan);
    assertThat(PlanFiles.write(plan, ChangeDiffs.of(plan), Impact.NONE))
        .isEqualTo(PlanFiles.write(plan, ChangeDiffs.of(plan)));
  }

  @Test
  void aLargePlanReadsBackAsTheSamePlan() {
    Plan plan = SamplePlans.large(50);

    assertThat(PlanFiles.read(PlanFiles.write(plan, ChangeDiffs.of(plan)), "plan.json"))
        .isEqualTo(plan);
  }

  @Test
  void aPlanOfAnotherFormatVersionIsRefusedNamingTheFile() {
    String json =
        PlanJsonView.render(SamplePlans.empty(), ChangeDiffs.of(SamplePlans.empty()))
            .replace("\"format_version\" : 1", "\"format_version\" : 2");

    assertThatThrownBy(() -> PlanFiles.read(json, "old-plan.json"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("old-plan.json has saved-plan format_version 2")
        .hasMessageContaining("posthog-gitops plan --out NEW-FILE")
        .hasMessageNotContaining("--out old-plan.json");
  }

  @Test
  void aFileThatIsNotJsonIsAUserErrorNamingTheFile() {
    assertThatThrownBy(() -> PlanFiles.read("Plan: 1 to create", "plan.txt"))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("plan.txt is not a saved plan");
  }

  @Test
  void aPlanWithoutChangesIsAUserErrorNamingTheMissingField() {
    assertThatThrownBy(
            () ->
                PlanFiles.read(
                    "{\"format_version\": 1, \"api_url\": \"x\", \"project_id\": 1}", "p.json"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(
            "p.json is not a saved plan of posthog-gitops: \"changes\" is missing");
  }

  @Test
  void neverHoldsAnythingBesidesTheDocumentedKeys() throws Exception {
    var root =
        SamplePlans.JSON.readTree(
            PlanJsonView.render(
                SamplePlans.illustrated(), ChangeDiffs.of(SamplePlans.illustrated())));

    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly(
            "format_version",
            "tool_version",
            "api_url",
            "project_id",
            "project_name",
            "git_commit",
            "git_dirty",
            "environment",
            "digest",
            "summary",
            "unmanaged",
            "warnings",
            "changes");
    assertThat(root.get("changes").get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "kind",
            "identity",
            "live_id",
            "action",
            "requests",
            "diff",
            "fingerprint",
            "source",
            "reason",
            "before",
            "after");
  }
}
