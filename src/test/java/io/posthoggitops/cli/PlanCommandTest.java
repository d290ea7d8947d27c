package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.plan.Plan;
import io.posthoggitops.planfile.PlanFiles;
import io.posthoggitops.render.PlanSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan command end to end, offline against the committed example snapshot. */
class PlanCommandTest {

  private static final String EXAMPLES = "examples/flags";
  private static final String SNAPSHOT = "examples/snapshot.json";

  @Test
  void plansTheExamplesAgainstTheSnapshotSavesTheJsonPlanAndExitsTwoWithDetailedExitcode(
      @TempDir Path dir) throws Exception {
    Path out = dir.resolve("plan.json");

    InProcessCli.Result result =
        launch(
            "plan",
            EXAMPLES,
            "--snapshot",
            SNAPSHOT,
            "--detailed-exitcode",
            "--out",
            out.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.CHANGES);
    assertThat(result.stdout())
        .startsWith(
            "posthog-gitops plan · project 4242 (Acme Web) via snapshot:examples/snapshot.json · 7 changes")
        .contains("~ FeatureFlag \"one-page-checkout\" (id 4821)")
        .contains("-       rollout_percentage: 30")
        .contains("- FeatureFlag \"holiday-banner-2024\" (id 3117)")
        .containsPattern(
            "Plan: 3 to create, 3 to update, 1 to delete.\nDigest: sha256:[0-9a-f]{16}\nUnmanaged: 5 live"
                + " objects not declared here \\(left alone\\).")
        .doesNotContain("\u001B[")
        .endsWith(
            "Saved to "
                + out
                + ". Apply exactly this plan with:\n  posthog-gitops apply --plan "
                + out
                + " --approve");
    Plan saved = PlanFiles.read(Files.readString(out), out.toString());
    assertThat(saved.metadata().apiUrl()).isEqualTo("snapshot:examples/snapshot.json");
    assertThat(PlanSummary.line(saved)).isEqualTo("Plan: 3 to create, 3 to update, 1 to delete.");
    assertThat(saved.changes())
        .extracting(c -> c.address().toString())
        .contains("FeatureFlag/express-pay", "FeatureFlag/holiday-banner-2024");
  }

  @Test
  void writesAMarkdownCommentWithTheMarkerFirst() {
    InProcessCli.Result result =
        launch(
            "plan",
            EXAMPLES,
            "--snapshot",
            SNAPSHOT,
            "--format",
            "markdown",
            "--target",
            "FeatureFlag/new-onboarding");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout())
        .startsWith(
            "<!-- posthog-gitops-plan -->\n**Plan: 0 to create, 1 to update, 0 to delete.**")
        .contains(
            "| ✏️ | FeatureFlag | new-onboarding | `filters.groups[0].rollout_percentage` 10 → 25 |")
        .contains("```diff\n");
  }

  @Test
  void invalidDeclarationsStopBeforeAnyRequestWithExitOne(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "kind: FeatureFlag\nkey: bad key\nfilters: {groups: []}\n");

    InProcessCli.Result result = launch("plan", bad.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.stderr())
        .contains(bad + ":2:")
        .contains("nothing was requested")
        .doesNotContain("MATON_API_KEY");
  }

  /** The CLI as users run it, in this JVM, with no environment variables set. */
  private static InProcessCli.Result launch(String... args) {
    return InProcessCli.run(Map.of(), args).trimmed();
  }
}
