package io.posthoggitops.plan;

/**
 * Why a plan deletes an object (docs/how-plan-decides.md): only ever one of the three explicit
 * ways.
 *
 * @param cause which way
 * @param baseRef the {@code --base} ref, for {@link Cause#REMOVED_SINCE_BASE}
 * @param file the document's file at the base ref, for {@link Cause#REMOVED_SINCE_BASE}
 */
public record DeleteReason(Cause cause, String baseRef, String file) {

  public enum Cause {
    /** A document says {@code deleted: true}. */
    TOMBSTONE,
    /** A document present at {@code --base REF} is gone now. */
    REMOVED_SINCE_BASE,
    /** {@code --prune}: nothing declares the object. */
    PRUNE
  }

  public static DeleteReason tombstone() {
    return new DeleteReason(Cause.TOMBSTONE, null, null);
  }

  public static DeleteReason removedSince(String baseRef, String file) {
    return new DeleteReason(Cause.REMOVED_SINCE_BASE, baseRef, file);
  }

  public static DeleteReason prune() {
    return new DeleteReason(Cause.PRUNE, null, null);
  }
}
