package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the references by name in a document of a kind (or in the part of one a request sends) into
 * PostHog's ids, or into placeholders for objects the same apply creates first.
 */
@FunctionalInterface
public interface ReferenceIds {

  /** A copy of {@code document} (top-level fields of the kind) with its references as ids. */
  ObjectNode toIds(ObjectNode document);
}
