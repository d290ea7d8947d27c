package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The top-level fields whose desired value differs from the live one, each whole: PostHog replaces
 * top-level values on PATCH (a flag's {@code filters}, an experiment's {@code parameters}), so a
 * changed field is always sent complete.
 */
public final class ChangedFields {

  private ChangedFields() {}

  /** The fields of {@code after} that {@code before} does not hold with the same value. */
  public static ObjectNode between(ObjectNode before, ObjectNode after) {
    ObjectNode changed = after.objectNode();
    for (Map.Entry<String, JsonNode> field : after.properties()) {
      if (!SameValue.same(field.getKey(), before.get(field.getKey()), field.getValue())) {
        changed.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return changed;
  }
}
