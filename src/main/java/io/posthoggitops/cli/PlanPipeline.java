package io.posthoggitops.cli;

import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.Plan;
import java.nio.file.Path;

/**
 * The path from options to a plan, shared by {@code plan} and {@code apply}: load and validate the
 * declarations (no request if invalid), read live state (API or snapshot), read {@code --base},
 * plan. Problems are printed as diagnostics and end in a UserError.
 */
public final class PlanPipeline {

  private PlanPipeline() {}

  /** @param snapshot a snapshot file to plan against instead of {@code api}, or null */
  public static Plan run(
      GlobalOptions global, PlanningOptions options, ProjectConfig config, PostHogApi api, Path snapshot) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Plans against already-read live state (used by apply for re-planning). */
  public static Plan run(GlobalOptions global, PlanningOptions options, ProjectConfig config, LiveState live) {
    throw new UnsupportedOperationException("not built yet");
  }
}
