package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanTextViewTest {

  @Test
  void coloursAddsGreenUpdatesYellowAndDeletesRedWhenAsked() {
    String text = PlanTextView.render(SamplePlans.illustrated(), true);

    assertThat(text)
        .contains("\u001B[32m+ Cohort \"Pilot users\"")
        .contains("\u001B[33m~ FeatureFlag \"new-checkout\" (id 4821)")
        .contains("\u001B[31m- FeatureFlag \"old-banner\" (id 3117)")
        .contains("    \u001B[31m-       rollout_percentage: 50\u001B[0m");
  }

  @Test
  void writesNoColourWhenNotAsked() {
    assertThat(PlanTextView.render(SamplePlans.illustrated(), false)).doesNotContain("\u001B[");
  }

  @Test
  void printsEachWarningOnItsOwnLine() {
    assertThat(PlanTextView.warnings(SamplePlans.illustrated()))
        .isEqualTo("warning: tags of FeatureFlag/new-checkout are not stored: the organisation lacks the tagging feature\n");
  }
}
