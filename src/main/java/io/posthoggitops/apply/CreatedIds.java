package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.PendingReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ids of objects this apply has created, by address ({@code Cohort/Pilot users}, or a tile
 * address), and the substitution of the plan's placeholders with them.
 */
final class CreatedIds {
  private final Map<String, LiveId> ids = new HashMap<>();

  void put(String address, LiveId id) {
    ids.put(address, id);
  }

  Optional<LiveId> get(String address) {
    return Optional.ofNullable(ids.get(address));
  }

  /** A copy of {@code body} with every placeholder replaced by the id it stands for. */
  ObjectNode resolve(ObjectNode body) {
    return (ObjectNode) resolveNode(body == null ? JsonNodeFactory.instance.objectNode() : body);
  }

  private JsonNode resolveNode(JsonNode node) {
    Optional<String> address = PendingReference.address(node);
    if (address.isPresent()) {
      LiveId id = ids.get(address.get());
      if (id == null) {
        throw new UnresolvedReferenceException(address.get());
      }
      return id.json();
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), resolveNode(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(resolveNode(element)));
      return copy;
    }
    return node;
  }

  /** A placeholder whose object this run has not created (it failed, or the plan is malformed). */
  static final class UnresolvedReferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnresolvedReferenceException(String address) {
      super(
          "the request refers to "
              + address
              + ", whose id is unknown: it was not created earlier in"
              + " this apply. Run plan again to see its state.");
    }
  }
}
