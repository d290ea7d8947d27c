package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a kind's objects are removed: never an HTTP DELETE, always a PATCH that PostHog can undo.
 *
 * @param body the PATCH body, e.g. {@code {"deleted": true}}
 * @param verb what the views call it, e.g. {@code soft delete} or {@code archive}
 * @param shown the one line a plan shows for it, e.g. {@code soft delete: PATCH {"deleted": true}}
 */
public record Deletion(ObjectNode body, String verb, String shown) {

  /** PostHog's soft delete, {@code PATCH {"deleted": true}}. */
  public static Deletion softDelete() {
    return softDelete(CanonicalJson.NODES.objectNode().put("deleted", true));
  }

  /** A soft delete whose body carries more than {@code deleted: true}. */
  public static Deletion softDelete(ObjectNode body) {
    return new Deletion(body, "soft delete", "soft delete: PATCH {\"deleted\": true}");
  }
}
