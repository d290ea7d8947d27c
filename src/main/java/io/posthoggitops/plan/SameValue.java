package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Value equality as PostHog's answers require it (CONTRACT.md §1.4, §0.7): numbers compare
 * numerically ({@code 50} = {@code 50.0}), {@code tags} compare as sets of trimmed lower-case
 * strings, objects regardless of key order.
 */
public final class SameValue {

  private SameValue() {}

  /** Whether two values of the top-level field {@code field} are the same. */
  public static boolean same(String field, JsonNode a, JsonNode b) {
    if ("tags".equals(field) && a != null && b != null && a.isArray() && b.isArray()) {
      return tagSet(a).equals(tagSet(b));
    }
    return same(a, b);
  }

  /** Deep equality with numbers compared numerically; a missing value equals JSON null. */
  public static boolean same(JsonNode a, JsonNode b) {
    if (isAbsent(a) || isAbsent(b)) {
      return isAbsent(a) && isAbsent(b);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      return sameArrays(a, b);
    }
    if (a.isObject() && b.isObject()) {
      return sameObjects(a, b);
    }
    return a.equals(b);
  }

  private static boolean sameArrays(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameObjects(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : a.properties()) {
      if (!b.has(entry.getKey()) || !same(entry.getValue(), b.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static Set<String> tagSet(JsonNode tags) {
    Set<String> set = new TreeSet<>();
    tags.forEach(t -> set.add(t.asText().trim().toLowerCase(java.util.Locale.ROOT)));
    return set;
  }
}
