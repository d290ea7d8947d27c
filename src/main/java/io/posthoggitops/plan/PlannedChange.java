package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.SourceLocation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A decided change before its requests are built: what {@link Change} holds, plus the raw object.
 */
record PlannedChange(
    Kind kind,
    String identity,
    LiveObject live,
    ChangeAction action,
    ObjectNode before,
    ObjectNode after,
    SourceLocation source,
    String reason,
    String fingerprint) {

  static PlannedChange create(Kind kind, String identity, ObjectNode after, SourceLocation source) {
    return new PlannedChange(
        kind, identity, null, ChangeAction.CREATE, null, after, source, null, null);
  }

  /**
   * @param before the compared part of {@code canonicalLive}
   * @param canonicalLive the whole canonical live object, fingerprinted over {@code before}'s
   *     fields
   */
  static PlannedChange update(
      LiveObject live,
      String identity,
      ObjectNode before,
      ObjectNode after,
      SourceLocation source,
      ObjectNode canonicalLive) {
    return new PlannedChange(
        live.kind(),
        identity,
        live,
        ChangeAction.UPDATE,
        before,
        after,
        source,
        null,
        Fingerprint.over(canonicalLive, before));
  }

  static PlannedChange delete(
      LiveObject live, ObjectNode before, SourceLocation source, String reason) {
    return new PlannedChange(
        live.kind(),
        live.identity(),
        live,
        ChangeAction.DELETE,
        before,
        null,
        source,
        reason,
        Fingerprint.of(before));
  }

  String address() {
    return kind.yamlName() + "/" + identity;
  }

  /** Addresses of the objects this change's object references (desired side, else live side). */
  Set<String> references() {
    ObjectNode side = after != null ? after : before;
    return KindForm.of(kind).referenceFields().stream()
        .flatMap(f -> ReferenceNodes.find(side.get(f), "/" + f).stream())
        .map(ReferenceNodes.Found::address)
        .collect(Collectors.toSet());
  }

  Change toChange(List<ApiRequest> requests) {
    return new Change(
        kind,
        identity,
        live == null ? null : live.id(),
        action,
        before,
        after,
        List.copyOf(requests),
        fingerprint,
        source,
        reason);
  }
}
