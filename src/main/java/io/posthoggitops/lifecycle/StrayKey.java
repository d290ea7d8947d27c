package io.posthoggitops.lifecycle;

/**
 * A key code evaluates that no declaration names: a typo, or a flag deleted while still in code.
 *
 * @param first where it is evaluated first
 * @param places how many places evaluate it
 * @param why why no declaration names it
 * @param suggestion the nearest declared key, or null
 */
public record StrayKey(KeyInCode first, int places, Why why, String suggestion) {

  /** Why a key in code is reported. */
  public enum Why {
    /** PostHog holds no such flag: a typo, or a flag deleted long ago. */
    NOT_IN_POSTHOG,
    /** PostHog holds it, but no declaration here names it. */
    NOT_DECLARED,
    /** A declaration here deletes it ({@code deleted: true}). */
    DELETED_HERE
  }
}
