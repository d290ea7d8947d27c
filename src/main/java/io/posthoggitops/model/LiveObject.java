package io.posthoggitops.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;

/**
 * One object as PostHog returned it (raw JSON, nothing removed). Kinds whose list shape lacks a
 * field hold the retrieve shape (experiments' metrics, dashboards' tiles).
 */
public record LiveObject(Kind kind, LiveId id, String identity, ObjectNode raw) {

  public Address address() {
    return new Address(kind, identity);
  }

  public LiveKey key() {
    return new LiveKey(kind, id);
  }
}
