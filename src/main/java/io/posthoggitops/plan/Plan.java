package io.posthoggitops.plan;

import io.posthoggitops.kind.ChangeAction;
import java.util.List;

/**
 * The result of planning: changes in apply order (no-ops left out), the count of live objects that
 * nothing declares, and warnings to print once. How it reads is the views' business.
 */
public record Plan(
    PlanMetadata metadata, List<Change> changes, int unmanaged, List<String> warnings) {

  public long count(ChangeAction action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }
}
