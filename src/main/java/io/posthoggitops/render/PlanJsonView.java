package io.posthoggitops.render;

import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.planfile.PlanFiles;
import java.util.List;

/** {@code plan --format json}: the saved-plan document, as {@code plan --out} writes it. */
public final class PlanJsonView {

  private PlanJsonView() {}

  /**
   * @param diffs the diff of each change, in the plan's order
   */
  public static String render(Plan plan, List<ResourceDiff> diffs) {
    return PlanFiles.write(plan, diffs);
  }

  /** With an {@code impact} object in each change {@code impact} covers. */
  public static String render(Plan plan, List<ResourceDiff> diffs, Impact impact) {
    return PlanFiles.write(plan, diffs, impact);
  }
}
