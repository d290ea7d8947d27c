package io.posthoggitops.impact;

import java.util.List;

/**
 * What one flag change touches.
 *
 * @param calls how often code called the flag in the period, or null when not counted
 * @param switchesOff whether the change deletes, disables or archives the flag
 * @param conditions the changed release conditions, in order
 */
public record ChangeImpact(Calls calls, boolean switchesOff, List<ConditionImpact> conditions) {

  /** Switched off while code still calls it: the safety warning. */
  public boolean stillCalled() {
    return switchesOff && calls != null && calls.calls() > 0;
  }

  /** The estimated change in whom the flag reaches, over the conditions estimated. */
  public long difference() {
    return conditions.stream()
        .filter(ConditionImpact::isEstimated)
        .mapToLong(ConditionImpact::difference)
        .sum();
  }

  public boolean anyEstimated() {
    return conditions.stream().anyMatch(ConditionImpact::isEstimated);
  }
}
