package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.SourceLocation;
import java.util.List;

/**
 * One entry of a plan: what happens to one resource, and why.
 *
 * @param kind the resource's kind
 * @param identity its identity (flag key, name...)
 * @param liveId the live id, null for a create
 * @param action create, update, delete (or no-op, never shown)
 * @param before the canonical live object (references by name), null for a create
 * @param after the canonical desired object, null for a delete
 * @param requests the writes apply sends, in order
 * @param fingerprint SHA-256 of the canonical live object's compared fields, null for a create
 * @param source the declaring document, or null (pruned or deleted via --base)
 * @param reason why a delete is planned ({@code tombstone}, {@code removed since REF (file)},
 *     {@code --prune}), or null
 */
public record Change(
    Kind kind,
    String identity,
    Long liveId,
    ChangeAction action,
    JsonNode before,
    JsonNode after,
    List<ApiRequest> requests,
    String fingerprint,
    SourceLocation source,
    String reason) {

  public String address() {
    return kind.yamlName() + "/" + identity;
  }
}
