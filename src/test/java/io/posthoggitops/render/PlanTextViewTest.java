package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.TestKinds;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.DeleteReason;
import org.junit.jupiter.api.Test;

class PlanTextViewTest {

  @Test
  void coloursAddsGreenUpdatesYellowAndDeletesRedWhenAsked() {
    String text =
        PlanTextView.render(
            SamplePlans.illustrated(), ChangeDiffs.of(SamplePlans.illustrated()), true);

    assertThat(text)
        .contains("\u001B[32m+ Cohort \"Pilot users\"")
        .contains("\u001B[33m~ FeatureFlag \"new-checkout\" (id 4821)")
        .contains("\u001B[31m- FeatureFlag \"old-banner\" (id 3117)")
        .contains("    \u001B[31m-       rollout_percentage: 50\u001B[0m");
  }

  @Test
  void writesNoColourWhenNotAsked() {
    assertThat(
            PlanTextView.render(
                SamplePlans.illustrated(), ChangeDiffs.of(SamplePlans.illustrated()), false))
        .doesNotContain("\u001B[");
  }

  @Test
  void namesTheEnvironmentInTheHeaderWhenThereIsOne() {
    var m = SamplePlans.METADATA;
    var metadata =
        new io.posthoggitops.plan.PlanMetadata(
            1, "0.1.0", m.apiUrl(), 4343, "Acme Web", null, false, "production");
    var plan =
        new io.posthoggitops.plan.Plan(metadata, java.util.List.of(), 0, java.util.List.of());

    assertThat(PlanTextView.render(plan, ChangeDiffs.of(plan), false))
        .startsWith(
            "posthog-gitops plan · project 4343 (Acme Web, environment production) via https://api.maton.ai/posthog · 0 changes\n");
  }

  @Test
  void saysWhyAPrunedObjectIsDeleted() {
    var pruned =
        new io.posthoggitops.plan.Change(
            new Address(TestKinds.ACTION, "Viewed pricing page"),
            LiveId.of(298),
            ChangeAction.DELETE,
            SamplePlans.json("{'name':'Viewed pricing page'}"),
            null,
            java.util.List.of(),
            "fp",
            null,
            DeleteReason.prune());
    var plan =
        new io.posthoggitops.plan.Plan(
            SamplePlans.METADATA, java.util.List.of(pruned), 0, java.util.List.of());

    assertThat(PlanTextView.render(plan, ChangeDiffs.of(plan), false))
        .contains(
            "- Action \"Viewed pricing page\" (id 298)   not declared here (--prune)\n    soft delete: PATCH {\"deleted\": true}\n");
  }

  @Test
  void printsEachWarningOnItsOwnLine() {
    assertThat(PlanTextView.warnings(SamplePlans.illustrated()))
        .isEqualTo(
            "warning: tags of FeatureFlag/new-checkout are not stored: the organisation lacks the tagging feature\n");
  }
}
