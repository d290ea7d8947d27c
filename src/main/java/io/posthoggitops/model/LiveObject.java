package io.posthoggitops.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object as PostHog returned it (raw JSON, nothing removed). Experiments and dashboards hold
 * the retrieve shape (metrics, tiles); the others the list shape.
 */
public record LiveObject(Kind kind, long id, String identity, ObjectNode raw) {

  public String address() {
    return kind.yamlName() + "/" + identity;
  }
}
