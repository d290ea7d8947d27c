package io.posthoggitops.cli;

import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.impact.ImpactEstimator;
import io.posthoggitops.live.AdvisoryApi;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --impact} / {@code --no-impact} (else {@code impact:} in the config file): usage and reach
 * beside each flag change (docs/impact.md). Advisory: a failure is one warning, never an exit code.
 */
public class ImpactOption {

  @Option(
      names = "--impact",
      negatable = true,
      description =
          "Show how often code calls each changed flag and whom a changed condition reaches"
              + " (default: impact in the config file, else off).")
  Boolean impact;

  boolean wanted(ProjectConfig config) {
    return impact != null ? impact : config.impact();
  }

  /**
   * The impact of {@code planned}, or none with one warning on {@code err} when it cannot be had.
   */
  Impact estimate(
      ProjectConfig config,
      PlanPipeline.Planned planned,
      Path snapshot,
      Supplier<AdvisoryApi> api,
      PrintWriter err) {
    if (!wanted(config)) {
      return Impact.NONE;
    }
    if (snapshot != null) {
      err.println(
          "warning: impact not shown: it is read from PostHog, and --snapshot plans offline.");
      return Impact.NONE;
    }
    try {
      ImpactEstimator.Result result =
          ImpactEstimator.estimate(planned.plan(), planned.live(), api.get());
      result.warning().ifPresent(w -> err.println("warning: " + w));
      return result.impact();
    } catch (RuntimeException e) {
      // Advice must never cost the plan, not even through a fault of ours.
      err.println(
          "warning: impact not shown: it failed unexpectedly ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "). The plan is shown without it.");
      return Impact.NONE;
    } finally {
      err.flush();
    }
  }
}
