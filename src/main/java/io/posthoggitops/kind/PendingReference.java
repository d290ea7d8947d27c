package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A reference, inside a planned request body, to an object that the same apply creates earlier:
 * {@code {"$ref": "Cohort/Pilot users"}}. Apply replaces it with the created id; views show it as
 * "known after apply".
 */
public final class PendingReference {
  public static final String KEY = "$ref";

  private PendingReference() {}

  public static ObjectNode placeholder(Kind kind, String identity) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(KEY, kind.name() + "/" + identity);
    return node;
  }

  /** The {@code KIND/IDENTITY} address a placeholder points at, if the node is one. */
  public static Optional<String> address(JsonNode node) {
    if (node != null && node.isObject() && node.size() == 1 && node.path(KEY).isTextual()) {
      return Optional.of(node.get(KEY).asText());
    }
    return Optional.empty();
  }
}
