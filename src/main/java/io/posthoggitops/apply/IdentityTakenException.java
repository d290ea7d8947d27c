package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.plan.Change;

/**
 * What a POST would create is already in PostHog, made since the plan (another apply, someone in
 * the UI): the plan is stale for that resource, so the POST is not sent and the apply stops.
 */
final class IdentityTakenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IdentityTakenException(Change change, ObjectNode found) {
    super(
        change.address()
            + " now exists in PostHog"
            + (found.has("id") ? " (id " + found.get("id").asText() + ")" : "")
            + ", made since the plan (another apply running at the same time?); it was not"
            + " created again. Run plan again to see PostHog's state.");
  }
}
