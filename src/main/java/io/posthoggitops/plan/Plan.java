package io.posthoggitops.plan;

import io.posthoggitops.kind.ChangeAction;
import java.util.List;

/**
 * The result of planning: changes in apply order (no-ops left out), the count of live objects that
 * nothing declares, warnings to print once, and the resources whose writes wait on PostHog's
 * approvals (docs/approvals.md). How it reads is the views' business.
 */
public record Plan(
    PlanMetadata metadata,
    List<Change> changes,
    int unmanaged,
    List<String> warnings,
    List<PendingApproval> approvals) {

  public Plan(PlanMetadata metadata, List<Change> changes, int unmanaged, List<String> warnings) {
    this(metadata, changes, unmanaged, warnings, List.of());
  }

  public long count(ChangeAction action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** The resources with this verdict, e.g. those awaiting approval. */
  public List<PendingApproval> approvals(PendingApproval.Verdict verdict) {
    return approvals.stream().filter(a -> a.verdict() == verdict).toList();
  }

  /**
   * Whether PostHog still differs from the declarations once what awaits approval is applied:
   * changes to make, or declared changes a request PostHog holds stands in the way of.
   */
  public boolean hasDrift() {
    return hasChanges() || !approvals(PendingApproval.Verdict.BLOCKED).isEmpty();
  }
}
