package io.posthoggitops.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.JsonEquality;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One value that differs between the live and the desired object, at its YAML path.
 *
 * @param path e.g. {@code filters.groups[1].rollout_percentage}
 * @param before the live value, or null where the live object has none
 * @param after the desired value, or null where the desired object has none
 */
public record LeafChange(String path, JsonNode before, JsonNode after) {

  private static final int VALUE_WIDTH = 40;

  /** Every differing leaf, in the order of the desired object's keys, arrays compared by index. */
  public static List<LeafChange> between(JsonNode before, JsonNode after) {
    List<LeafChange> out = new ArrayList<>();
    walk("", before, after, out);
    return out;
  }

  /** The live value on one line, {@code (none)} when absent, shortened with an ellipsis. */
  public String beforeText() {
    return shortText(before);
  }

  public String afterText() {
    return shortText(after);
  }

  private static String shortText(JsonNode node) {
    if (node == null) {
      return "(none)";
    }
    String text = CanonicalYaml.flow(node);
    return text.length() <= VALUE_WIDTH ? text : text.substring(0, VALUE_WIDTH - 1) + "…";
  }

  private static void walk(String path, JsonNode a, JsonNode b, List<LeafChange> out) {
    if (JsonEquality.same(a, b)) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject()) {
      for (String key : keys(b, a)) {
        walk(CanonicalYaml.childPath(path, key), a.get(key), b.get(key), out);
      }
    } else if (a != null && b != null && a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        walk(CanonicalYaml.indexPath(path, i), a.get(i), b.get(i), out);
      }
    } else {
      out.add(new LeafChange(path, a, b));
    }
  }

  private static Set<String> keys(JsonNode first, JsonNode second) {
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode node : List.of(first, second)) {
      Iterator<String> names = node.fieldNames();
      names.forEachRemaining(keys::add);
    }
    return keys;
  }
}
