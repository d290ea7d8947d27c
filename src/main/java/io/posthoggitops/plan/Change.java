package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * One entry of a plan: what happens to one resource, and why.
 *
 * @param address the resource's kind and identity
 * @param liveId the live id, null for a create
 * @param action create, update, delete (or no-op, never shown)
 * @param before the canonical live object (references by name), null for a create
 * @param after the canonical desired object, null for a delete
 * @param requests the writes apply sends, in order
 * @param fingerprint SHA-256 of the canonical live object's compared fields, null for a create
 * @param source the declaring document, or null (pruned or deleted via --base)
 * @param reason why a delete is planned, or null
 */
public record Change(
    Address address,
    LiveId liveId,
    ChangeAction action,
    JsonNode before,
    JsonNode after,
    List<ApiRequest> requests,
    String fingerprint,
    SourceLocation source,
    DeleteReason reason) {

  public Kind kind() {
    return address.kind();
  }

  public String identity() {
    return address.identity();
  }

  /** The resources this change's object references (desired side, else live side). */
  public Set<Address> references() {
    return ReferenceNodes.addresses(kind(), after != null ? after : before);
  }
}
