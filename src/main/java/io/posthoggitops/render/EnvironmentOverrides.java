package io.posthoggitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.plan.Change;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The override that makes a document, merged for one environment, declare what that environment's
 * project holds (docs/format/environments.md#adopting-projects-that-already-exist).
 */
final class EnvironmentOverrides {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EnvironmentOverrides() {}

  /**
   * The fields whose compared values differ, as export writes them there; a mapping also clears
   * (with null) what the document has and the live object does not, since overrides merge.
   */
  static ObjectNode of(Change change, Declaration source, ObjectNode exported) {
    Set<String> fields = new LinkedHashSet<>();
    change.before().fieldNames().forEachRemaining(fields::add);
    change.after().fieldNames().forEachRemaining(fields::add);
    ObjectNode override = JSON.objectNode();
    for (String field : fields) {
      JsonNode before = change.before().get(field);
      JsonNode after = change.after().get(field);
      if (before != null && before.equals(after)) {
        continue;
      }
      JsonNode value = exported.has(field) ? exported.get(field) : absent(source.kind(), field);
      JsonNode written = source.fields().get(field);
      override.set(
          field,
          written instanceof ObjectNode w && value instanceof ObjectNode v
              ? clearing(w, v)
              : value);
    }
    return override;
  }

  /** What export leaves out of a field: its default, or null for one that has none. */
  private static JsonNode absent(Kind kind, String field) {
    FieldSpec spec = kind.spec().fields().get(field);
    return spec != null && spec.defaultValue() != null
        ? spec.defaultValue().deepCopy()
        : JSON.nullNode();
  }

  private static ObjectNode clearing(ObjectNode written, ObjectNode value) {
    ObjectNode result = value.deepCopy();
    written
        .properties()
        .forEach(
            member -> {
              JsonNode mine = result.get(member.getKey());
              if (mine == null) {
                result.putNull(member.getKey());
              } else if (member.getValue() instanceof ObjectNode w
                  && mine instanceof ObjectNode v) {
                result.set(member.getKey(), clearing(w, v));
              }
            });
    return result;
  }
}
