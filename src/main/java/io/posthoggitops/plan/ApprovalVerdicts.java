package io.posthoggitops.plan;

import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.plan.PendingApproval.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the plan does with a resource that has change requests open in PostHog (docs/approvals.md).
 * A request that holds the declared change awaits approval and nothing is written; otherwise the
 * declared change replaces the requests when PostHog lets them be cancelled, and waits for a
 * decision in PostHog when not. Any write would move the object's {@code version}, after which
 * PostHog fails the request, so nothing is ever written next to one unless it is replaced.
 */
final class ApprovalVerdicts {

  /** Whether a proposed live object holds what the declaration declares. */
  @FunctionalInterface
  interface Holds {
    boolean test(Match match, LiveObject proposed);
  }

  private final PendingRequests pending;
  private final OwnedObjects owned;
  private final Holds holds;
  private final List<PendingApproval> entries = new ArrayList<>();

  ApprovalVerdicts(PendingRequests pending, OwnedObjects owned, Holds holds) {
    this.pending = pending;
    this.owned = owned;
    this.holds = holds;
  }

  /** The change to plan for a declared resource, given the requests open on it. */
  Optional<PlannedChange> decide(Match match, Optional<PlannedChange> change) {
    Address address = match.declaration().address();
    LiveObject live = match.live();
    List<ChangeRequest> own = live == null ? pending.onCreate(address) : pending.on(live);
    List<ChangeRequest> all = new ArrayList<>(own);
    if (live != null) {
      owned.ownedBy(live).ifPresent(o -> all.addAll(pending.on(o)));
    }
    if (all.isEmpty()) {
      return change;
    }
    LiveId id = live == null ? null : live.id();
    boolean held =
        own.stream()
            .anyMatch(
                r ->
                    !r.stale()
                        && holds.test(match, PendingRequests.proposed(r, address.kind(), live)));
    if (held) {
      entries.add(PendingApproval.of(address, id, Verdict.AWAITING, all));
      return Optional.empty();
    }
    if (change.isEmpty()) {
      entries.add(PendingApproval.of(address, id, Verdict.NOT_DECLARED, all));
      return Optional.empty();
    }
    return replaceOrHold(change.get(), id, all);
  }

  /** A planned delete of a live object that has requests open on it. */
  Optional<PlannedChange> decideDelete(PlannedChange delete) {
    List<ChangeRequest> requests = pending.on(delete.live());
    return requests.isEmpty()
        ? Optional.of(delete)
        : replaceOrHold(delete, delete.live().id(), requests);
  }

  /**
   * A request PostHog will no longer apply (stale) never holds a write back; one that may still
   * apply and cannot be cancelled does.
   */
  private Optional<PlannedChange> replaceOrHold(
      PlannedChange change, LiveId id, List<ChangeRequest> requests) {
    if (requests.stream().anyMatch(r -> !r.stale() && !cancellable(r))) {
      entries.add(PendingApproval.of(change.address(), id, Verdict.BLOCKED, requests));
      return Optional.empty();
    }
    entries.add(PendingApproval.of(change.address(), id, Verdict.REPLACED, requests));
    List<String> cancels =
        requests.stream().filter(ApprovalVerdicts::cancellable).map(ChangeRequest::id).toList();
    return Optional.of(change.withCancels(cancels));
  }

  /**
   * PostHog lets only the requester cancel, and only a pending request nobody approved or one it
   * marked stale; it says so in {@code can_cancel}, which older versions leave out.
   */
  static boolean cancellable(ChangeRequest request) {
    if (request.canCancel() != null) {
      return request.canCancel();
    }
    boolean markedStale = "stale".equals(request.raw().path("validation_status").asText());
    return "pending".equals(request.state()) && (request.approvals() == 0 || markedStale);
  }

  /**
   * Changes that reference a resource nothing is written to while its request is open wait too
   * (transitively); they are planned again once PostHog has applied it.
   */
  List<PlannedChange> withoutWaiting(List<PlannedChange> changes) {
    Set<Address> held = new HashSet<>();
    entries.stream()
        .filter(e -> e.verdict() == Verdict.AWAITING || e.verdict() == Verdict.BLOCKED)
        .forEach(e -> held.add(e.address()));
    List<PlannedChange> left = new ArrayList<>(changes);
    boolean found = true;
    while (found) {
      found = false;
      for (PlannedChange change : List.copyOf(left)) {
        Optional<Address> blocker = change.references().stream().filter(held::contains).findFirst();
        if (blocker.isPresent()) {
          left.remove(change);
          held.add(change.address());
          LiveId id = change.live() == null ? null : change.live().id();
          entries.add(PendingApproval.waiting(change.address(), id, blocker.get()));
          found = true;
        }
      }
    }
    return left;
  }

  /** What the plan says about each resource, restricted to {@code scope} (null: everything). */
  List<PendingApproval> entries(Set<Address> scope) {
    return entries.stream().filter(e -> scope == null || scope.contains(e.address())).toList();
  }
}
