package io.posthoggitops.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.cli.InProcessCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan saved with impact is the plan saved without it, plus advice: the same digest, and {@code
 * apply --plan FILE} finds it as fresh as the other and asks PostHog for no usage (docs/impact.md).
 */
class SavedPlanWithImpactTest {

  private static final Path BASE =
      ScenarioTest.ROOT.resolve("flag-impact-usage-and-reach-under-each-change");
  private static final Map<String, String> ENVIRONMENT =
      Map.of("MATON_API_KEY", "phx_scenario_key_not_secret");

  @Test
  void impactChangesNeitherTheDigestNorWhatApplyChecks(@TempDir Path work) throws IOException {
    Path declarations = BASE.resolve(Scenario.DESIRED).toAbsolutePath();
    Path withImpact = work.resolve("with-impact.json");
    Path without = work.resolve("without.json");
    try (LoopbackPostHog posthog =
        LoopbackPostHog.start(BASE.resolve(Scenario.LIVE), BASE.resolve(Scenario.POSTHOG))) {
      InProcessCli.Result planned = plan(posthog, declarations, withImpact, "--impact");
      InProcessCli.Result plain = plan(posthog, declarations, without, "--no-impact");
      int adviceWhilePlanning = posthog.writesAndAdvice().size();

      InProcessCli.Result applied = apply(posthog, withImpact);
      InProcessCli.Result appliedPlain = apply(posthog, without);

      assertThat(planned.stdout()).contains("impact: called");
      assertThat(Files.readString(withImpact)).contains("\"impact\" : {");
      assertThat(Files.readString(without)).doesNotContain("\"impact\"");
      assertThat(digest(planned.stdout())).isEqualTo(digest(plain.stdout())).isNotEmpty();
      assertThat(applied.exitCode()).as(applied.stderr()).isEqualTo(3);
      assertThat(applied.stdout().replace(withImpact.toString(), "PLAN"))
          .isEqualTo(appliedPlain.stdout().replace(without.toString(), "PLAN"));
      assertThat(applied.stderr()).isEqualTo(appliedPlain.stderr()).doesNotContain("stale");
      assertThat(posthog.writesAndAdvice()).hasSize(adviceWhilePlanning);
    }
  }

  private static InProcessCli.Result plan(
      LoopbackPostHog posthog, Path declarations, Path out, String impact) {
    return InProcessCli.run(
        ENVIRONMENT,
        "plan",
        declarations.toString(),
        impact,
        "--out",
        out.toString(),
        "--api-url",
        posthog.url());
  }

  private static InProcessCli.Result apply(LoopbackPostHog posthog, Path plan) {
    return InProcessCli.run(
        ENVIRONMENT, "apply", "--plan", plan.toString(), "--api-url", posthog.url());
  }

  private static String digest(String planText) {
    return planText.lines().filter(l -> l.startsWith("Digest: ")).findFirst().orElse("");
  }
}
