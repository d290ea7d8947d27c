package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.model.SourceLocation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The deep merge of an environment's override over its document (docs/format/environments.md):
 * mappings key by key, lists and scalars replaced whole, and the positions of what the override
 * replaced moved to where the override writes it, so a problem with a merged value is reported
 * inside the override.
 */
final class OverrideMerge {

  private OverrideMerge() {}

  /**
   * Merges {@code override} into {@code target} key by key; a value that is not a mapping on both
   * sides replaces the old one whole, and its positions replace the old ones.
   */
  static void merge(
      ObjectNode target,
      ObjectNode override,
      String at,
      String from,
      Map<String, SourceLocation> keys,
      Map<String, SourceLocation> values,
      Set<SourceLocation> positions) {
    for (Map.Entry<String, JsonNode> entry : override.properties()) {
      String pointer = FieldPath.member(at, entry.getKey());
      String source = FieldPath.member(from, entry.getKey());
      JsonNode old = target.get(entry.getKey());
      if (old instanceof ObjectNode oldObject && entry.getValue() instanceof ObjectNode newObject) {
        merge(oldObject, newObject, pointer, source, keys, values, positions);
      } else {
        target.set(entry.getKey(), entry.getValue().deepCopy());
        relocate(keys, source, pointer, positions);
        relocate(values, source, pointer, positions);
      }
    }
  }

  /** Replaces the positions at and under {@code pointer} by those written at {@code source}. */
  private static void relocate(
      Map<String, SourceLocation> locations,
      String source,
      String pointer,
      Set<SourceLocation> positions) {
    locations.keySet().removeIf(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
    Map<String, SourceLocation> moved = new HashMap<>();
    locations.forEach(
        (p, location) -> {
          if (p.equals(source) || p.startsWith(source + "/")) {
            moved.put(pointer + p.substring(source.length()), location);
            positions.add(location);
          }
        });
    locations.putAll(moved);
  }
}
