package io.posthoggitops.apply;

import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.plan.Change;

/**
 * What happened to one change of the plan.
 *
 * @param change the planned change
 * @param id the object's id (created, or the live id), or null when unknown
 */
public record Outcome(Change change, LiveId id) {

  private static final String[] DONE = {"created", "updated", "deleted", "unchanged"};

  /** {@code + created FeatureFlag "pilot-banner" (id 5001)}. */
  public String doneLine() {
    return change.action().symbol() + " " + DONE[change.action().ordinal()] + " " + resource();
  }

  /** {@code ~ update FeatureFlag "new-checkout" (id 4821)}, for changes not carried out. */
  public String plannedLine() {
    return change.action().symbol() + " " + change.action().word() + " " + resource();
  }

  /** {@code FeatureFlag "pilot-banner" (id 5001)}. */
  public String resource() {
    return describe(change) + (id == null ? "" : " (id " + id + ")");
  }

  static String describe(Change change) {
    return change.kind().name() + " \"" + change.identity() + "\"";
  }

  boolean is(ChangeAction action) {
    return change.action() == action;
  }
}
