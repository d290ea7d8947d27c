package io.posthoggitops.plan;

import java.util.List;

/**
 * The result of planning: changes in apply order (no-ops left out), the count of live objects that
 * nothing declares, and warnings to print once.
 */
public record Plan(
    PlanMetadata metadata, List<Change> changes, int unmanaged, List<String> warnings) {

  public long count(ChangeAction action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** The fixed summary line, e.g. {@code Plan: 2 to create, 1 to update, 1 to delete.} */
  public String summaryLine() {
    if (!hasChanges()) {
      return "No changes. PostHog matches the declared state.";
    }
    return "Plan: %d to create, %d to update, %d to delete."
        .formatted(
            count(ChangeAction.CREATE), count(ChangeAction.UPDATE), count(ChangeAction.DELETE));
  }

  /** The unmanaged line, or null when every live object is declared. */
  public String unmanagedLine() {
    return unmanaged == 0
        ? null
        : "Unmanaged: %d live objects not declared here (left alone).".formatted(unmanaged);
  }
}
