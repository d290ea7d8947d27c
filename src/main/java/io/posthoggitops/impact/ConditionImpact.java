package io.posthoggitops.impact;

import io.posthoggitops.kind.Usage.ConditionChange;
import io.posthoggitops.kind.Usage.Reach;

/**
 * One changed condition and whom it reaches before and after.
 *
 * @param change what changed in it
 * @param before the estimate for the live condition, null where it does not exist or was not
 *     estimated
 * @param after the estimate for the desired condition, null where it does not exist or was not
 *     estimated
 * @param notEstimated why it was not estimated, or null when it was
 */
public record ConditionImpact(
    ConditionChange change, Reach before, Reach after, String notEstimated) {

  static ConditionImpact estimated(ConditionChange change, Reach before, Reach after) {
    return new ConditionImpact(change, before, after, null);
  }

  static ConditionImpact notEstimated(ConditionChange change, String why) {
    return new ConditionImpact(change, null, null, why);
  }

  public boolean isEstimated() {
    return notEstimated == null;
  }

  /** Those the live condition serves: matching its properties, times its rollout. */
  public long reachedBefore() {
    return reached(before, change.before());
  }

  /** Those the desired condition would serve. */
  public long reachedAfter() {
    return reached(after, change.after());
  }

  public long difference() {
    return reachedAfter() - reachedBefore();
  }

  /** PostHog estimates who matches the properties; the rollout percentage is applied here. */
  private static long reached(Reach reach, Double rollout) {
    if (reach == null || rollout == null) {
      return 0;
    }
    return Math.round(reach.affected() * Math.min(100.0, Math.max(0.0, rollout)) / 100.0);
  }
}
