package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A decided change before its requests are built: what {@link Change} holds, plus the raw object
 * and the change requests it replaces (cancelled before it writes, docs/approvals.md).
 */
record PlannedChange(
    Address address,
    LiveObject live,
    ChangeAction action,
    ObjectNode before,
    ObjectNode after,
    SourceLocation source,
    DeleteReason reason,
    String fingerprint,
    List<String> cancels) {

  PlannedChange(
      Address address,
      LiveObject live,
      ChangeAction action,
      ObjectNode before,
      ObjectNode after,
      SourceLocation source,
      DeleteReason reason,
      String fingerprint) {
    this(address, live, action, before, after, source, reason, fingerprint, List.of());
  }

  static PlannedChange create(Address address, ObjectNode after, SourceLocation source) {
    return new PlannedChange(address, null, ChangeAction.CREATE, null, after, source, null, null);
  }

  /** The same change, cancelling these change requests before its first write. */
  PlannedChange withCancels(List<String> requestIds) {
    return new PlannedChange(
        address, live, action, before, after, source, reason, fingerprint, List.copyOf(requestIds));
  }

  /**
   * @param before the compared part of {@code canonicalLive}
   * @param canonicalLive the whole canonical live object, fingerprinted over {@code before}'s
   *     fields
   */
  static PlannedChange update(
      LiveObject live,
      Address address,
      ObjectNode before,
      ObjectNode after,
      SourceLocation source,
      ObjectNode canonicalLive) {
    return new PlannedChange(
        address,
        live,
        ChangeAction.UPDATE,
        before,
        after,
        source,
        null,
        Fingerprint.over(canonicalLive, before));
  }

  static PlannedChange delete(
      LiveObject live, ObjectNode before, SourceLocation source, DeleteReason reason) {
    return new PlannedChange(
        live.address(),
        live,
        ChangeAction.DELETE,
        before,
        null,
        source,
        reason,
        Fingerprint.of(before));
  }

  Kind kind() {
    return address.kind();
  }

  /** Addresses of the objects this change's object references (desired side, else live side). */
  Set<Address> references() {
    return ReferenceNodes.addresses(kind(), after != null ? after : before);
  }

  Change toChange(List<ApiRequest> requests) {
    List<ApiRequest> all = new ArrayList<>();
    cancels.forEach(id -> all.add(PendingRequests.cancel(id)));
    all.addAll(requests);
    return new Change(
        address,
        live == null ? null : live.id(),
        action,
        before,
        after,
        List.copyOf(all),
        fingerprint,
        source,
        reason);
  }
}
