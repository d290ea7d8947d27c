package io.posthoggitops.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationsTest {

  private static final Path WORKSPACE = Path.of("/home/runner/work/flags/flags");

  @Test
  void showsTenErrorsAndTenWarningsAndSaysHowManyMoreThereAre() {
    List<String> log = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      log.add("posthog/a.yaml:" + i + ":1: problem " + i);
      log.add("posthog/a.yaml:" + i + ":3: warning: doubt " + i);
    }

    List<String> commands = Annotations.of(log, WORKSPACE, WORKSPACE);

    assertThat(commands).hasSize(21);
    assertThat(commands.stream().filter(c -> c.startsWith("::error "))).hasSize(10);
    assertThat(commands.stream().filter(c -> c.startsWith("::warning "))).hasSize(10);
    assertThat(commands.get(20))
        .isEqualTo(
            "2 more errors and 2 more warnings are not annotated (GitHub shows 10 of each per step); the log above lists them all.");
  }

  @Test
  void pathsAreFromTheRepositoryRootWhereverTheCommandRan() {
    List<String> commands =
        Annotations.of(
            List.of("feature-flags/a.yaml:2:1: bad"),
            WORKSPACE.resolve("config/posthog"),
            WORKSPACE);

    assertThat(commands)
        .containsExactly(
            "::error file=config/posthog/feature-flags/a.yaml,line=2,col=1,title=posthog-gitops::bad");
  }

  @Test
  void escapesWhatWorkflowCommandsGiveAMeaningTo() {
    assertThat(Annotations.data("50% of\nusers")).isEqualTo("50%25 of%0Ausers");
    assertThat(Annotations.property("a:b,c")).isEqualTo("a%3Ab%2Cc");
  }

  @Test
  void linesThatAreNotDiagnosticsAreLeftOut() {
    assertThat(
            Annotations.of(
                List.of(
                    "Saved to plan.json. Apply exactly this plan with:",
                    "  posthog-gitops apply --plan plan.json --approve",
                    "~ updated FeatureFlag \"a\" (id 1)"),
                WORKSPACE,
                WORKSPACE))
        .isEmpty();
  }
}
