package io.posthoggitops.render;

import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.plan.PendingApproval.Verdict;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanDigest;

/**
 * The fixed lines every view ends a plan with: the summary, the digest, and the unmanaged count.
 */
public final class PlanSummary {

  private PlanSummary() {}

  /**
   * {@code Plan: 2 to create, 1 to update, 1 to delete.}, or the no-changes line (which does not
   * claim PostHog matches while changes wait on its approvals).
   */
  public static String line(Plan plan) {
    if (!plan.hasChanges()) {
      return plan.approvals().stream().allMatch(a -> a.verdict() == Verdict.NOT_DECLARED)
          ? "No changes. PostHog matches the declared state."
          : "No changes to make now.";
    }
    return "Plan: %d to create, %d to update, %d to delete."
        .formatted(
            plan.count(ChangeAction.CREATE),
            plan.count(ChangeAction.UPDATE),
            plan.count(ChangeAction.DELETE));
  }

  /**
   * How many changes wait on PostHog's approvals ({@code 1 change awaits approval in PostHog.}), or
   * null when none do (docs/approvals.md).
   */
  public static String approvalsLine(Plan plan) {
    return ApprovalText.countsLine(plan);
  }

  /**
   * {@code Digest: sha256:3f2a9c0d1e4b5a6f}, what {@code apply --plan} prints for the same plan, or
   * null when the plan changes nothing.
   */
  public static String digestLine(Plan plan) {
    return plan.hasChanges() ? "Digest: " + PlanDigest.shown(plan) : null;
  }

  /** The unmanaged line, or null when every live object is declared. */
  public static String unmanagedLine(Plan plan) {
    return plan.unmanaged() == 0
        ? null
        : "Unmanaged: %s not declared here (left alone)."
            .formatted(Counted.of(plan.unmanaged(), "live object"));
  }
}
