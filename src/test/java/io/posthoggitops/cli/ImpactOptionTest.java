package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImpactOptionTest {

  private static final PlanPipeline.Planned PLANNED =
      new PlanPipeline.Planned(
          new Plan(
              new PlanMetadata(1, "t", "https://api.example.test", 4242, "Acme", null, false, null),
              List.of(
                  new Change(
                      new Address(Kinds.named("FeatureFlag").orElseThrow(), "dark-mode"),
                      new LiveId("7"),
                      ChangeAction.DELETE,
                      null,
                      null,
                      List.of(),
                      "f",
                      null,
                      null)),
              0,
              List.of()),
          new LiveState("https://api.example.test", 4242, "Acme", Set.of(), Map.of()));

  private final StringWriter err = new StringWriter();

  private Impact estimate(Boolean flag, boolean inConfig, Path snapshot) {
    ImpactOption option = new ImpactOption();
    option.impact = flag;
    ProjectConfig config =
        new ProjectConfig(
            null, null, null, false, inConfig, List.of(), null, Map.of(), null, List.of());
    return option.estimate(
        config,
        PLANNED,
        snapshot,
        () ->
            (path, body) -> {
              throw new IllegalStateException("a fault of ours");
            },
        new PrintWriter(err, true));
  }

  @Test
  void anUnexpectedFailureIsOneWarningAndNoImpact() {
    assertThat(estimate(true, false, null).isEmpty()).isTrue();
    assertThat(err.toString())
        .isEqualTo(
            "warning: impact not shown: it failed unexpectedly (IllegalStateException: a fault of"
                + " ours). The plan is shown without it.\n");
  }

  @Test
  void offByDefaultOnFromTheConfigFileAndTheFlagWins() {
    assertThat(new ImpactOption().wanted(ProjectConfig.empty())).isFalse();

    estimate(null, false, null);
    assertThat(err.toString()).isEmpty();
    estimate(false, true, null);
    assertThat(err.toString()).isEmpty();
    estimate(null, true, null);
    assertThat(err.toString()).contains("impact not shown");
  }

  @Test
  void aSnapshotPlanSaysImpactNeedsPostHog() {
    estimate(true, false, Path.of("live.json"));

    assertThat(err.toString())
        .isEqualTo(
            "warning: impact not shown: it is read from PostHog, and --snapshot plans offline.\n");
  }
}
