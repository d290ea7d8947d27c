package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentPlansViewTest {

  private static EnvironmentPlansView.Section section(String name, Plan plan) {
    return new EnvironmentPlansView.Section(name, plan, ChangeDiffs.of(plan), Impact.NONE);
  }

  @Test
  void aSmallEnvironmentIsShownWholeBesideALargeOneAndTheCommentStaysUnderTheCap() {
    List<EnvironmentPlansView.Section> sections =
        List.of(
            section("staging", SamplePlans.large(500)),
            section("production", SamplePlans.large(3)));

    String markdown = EnvironmentPlansView.markdown(sections);

    assertThat(markdown.length()).isLessThanOrEqualTo(PlanMarkdownView.MAX_CHARS);
    assertThat(markdown.split("<!-- posthog-gitops-plan -->", -1)).hasSize(2);
    String production = markdown.substring(markdown.indexOf("<b>Environment production"));
    assertThat(production).contains("flag-2").doesNotContain("not shown here");
    String staging = markdown.substring(0, markdown.indexOf("<b>Environment production"));
    assertThat(staging).contains(" more changes not shown here.");
    // the large one gets what the small one leaves: well over half of the comment
    assertThat(staging.length()).isGreaterThan(PlanMarkdownView.MAX_CHARS * 3 / 4);
  }

  @Test
  void twoLargeEnvironmentsShareTheCommentEqually() {
    List<EnvironmentPlansView.Section> sections =
        List.of(
            section("staging", SamplePlans.large(500)),
            section("production", SamplePlans.large(500)));

    String markdown = EnvironmentPlansView.markdown(sections);

    assertThat(markdown.length()).isLessThanOrEqualTo(PlanMarkdownView.MAX_CHARS);
    int cut = markdown.indexOf("<b>Environment production");
    int staging = cut;
    int production = markdown.length() - cut;
    assertThat(Math.abs(staging - production)).isLessThan(1_000);
    assertThat(markdown.split(" more changes not shown here.", -1)).hasSize(3);
  }

  @Test
  void theTotalAddsUpEveryEnvironment() {
    List<EnvironmentPlansView.Section> sections =
        List.of(
            section("staging", SamplePlans.large(4)), section("production", SamplePlans.empty()));

    String text = EnvironmentPlansView.text(sections, false);

    assertThat(text)
        .startsWith("=== Environment staging · project 4242 (Acme Web) ===\n")
        .contains("\n=== Environment production · project 4242 (Acme Web) ===\n")
        .contains("No changes. PostHog matches the declared state.")
        .endsWith("\nTotal over 2 environments: 0 to create, 4 to update, 0 to delete.\n");
    assertThat(EnvironmentPlansView.markdown(sections))
        .contains("<details><summary><b>Environment production")
        .contains("<details open><summary><b>Environment staging");
  }
}
