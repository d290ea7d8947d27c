package io.posthoggitops.plan;

import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.ChangeRequest;
import java.util.List;

/**
 * A resource whose write waits on PostHog's approvals, and what the plan does about it
 * (docs/approvals.md).
 *
 * @param address the resource
 * @param liveId its live id; null when it does not exist yet (a gated create)
 * @param verdict what the plan does about it
 * @param requests the open change requests on it (or on an object it owns); empty when {@link
 *     Verdict#WAITING}
 * @param waitsFor the resource awaiting approval that it references, when {@link Verdict#WAITING}
 */
public record PendingApproval(
    Address address,
    LiveId liveId,
    Verdict verdict,
    List<ChangeRequest> requests,
    Address waitsFor) {

  /** What the plan does about a resource with a change request open in PostHog. */
  public enum Verdict {
    /** A request holds the declared change: nothing is written, PostHog applies it on approval. */
    AWAITING,
    /** The declarations differ and nobody approved the request: apply cancels it, then writes. */
    REPLACED,
    /**
     * The declarations differ and the request cannot be cancelled (it has approvals, or another
     * user asked for it): nothing is written until it is approved or rejected in PostHog.
     */
    BLOCKED,
    /**
     * The declarations match PostHog and a request would change that: nothing is written, the
     * request is left to PostHog.
     */
    NOT_DECLARED,
    /** The change references a resource awaiting approval: it is planned again once that lands. */
    WAITING
  }

  static PendingApproval of(
      Address address, LiveId liveId, Verdict verdict, List<ChangeRequest> requests) {
    return new PendingApproval(address, liveId, verdict, List.copyOf(requests), null);
  }

  static PendingApproval waiting(Address address, LiveId liveId, Address waitsFor) {
    return new PendingApproval(address, liveId, Verdict.WAITING, List.of(), waitsFor);
  }
}
