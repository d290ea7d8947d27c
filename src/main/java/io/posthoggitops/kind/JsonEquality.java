package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The one equality rule for values: numbers compare numerically ({@code 50} = {@code 50.0}),
 * objects regardless of key order, arrays in order, and a missing value equals JSON null. The
 * planner, the diff and apply's check of PostHog's answers all compare through it.
 */
public final class JsonEquality {

  private JsonEquality() {}

  /** Whether two values are the same. */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (isAbsent(a) || isAbsent(b)) {
      return isAbsent(a) && isAbsent(b);
    }
    if (a.isNumber() && b.isNumber()) {
      if ((a.isInt() || a.isLong()) && (b.isInt() || b.isLong())) {
        return a.longValue() == b.longValue();
      }
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      return a.size() == b.size() && allSame(a, b);
    }
    if (a.isObject() && b.isObject()) {
      return a.size() == b.size() && sameMembers(a, b);
    }
    return a.equals(b);
  }

  /**
   * The top-level fields of {@code after} that {@code before} does not hold with the same value,
   * each whole: PostHog replaces top-level values on PATCH (a flag's {@code filters}, an
   * experiment's {@code parameters}), so a changed field is always sent complete.
   */
  public static ObjectNode changedFields(ObjectNode before, ObjectNode after) {
    ObjectNode changed = after.objectNode();
    for (Map.Entry<String, JsonNode> field : after.properties()) {
      if (!same(before.get(field.getKey()), field.getValue())) {
        changed.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return changed;
  }

  /**
   * Whether PostHog's answer holds what was sent: every member sent is there with the same value
   * (PostHog adds keys of its own); numbers compare numerically, also against numeric strings, and
   * JSON held in strings (payloads) compares as JSON.
   */
  public static boolean holds(JsonNode sent, JsonNode stored) {
    if (isAbsent(sent)) {
      return isAbsent(stored);
    }
    if (isAbsent(stored)) {
      return false;
    }
    if (sent.isObject()) {
      return stored.isObject() && membersHeld(sent, stored);
    }
    if (sent.isArray()) {
      return stored.isArray() && sent.size() == stored.size() && elementsHeld(sent, stored);
    }
    if (sent.isNumber() || stored.isNumber()) {
      return sameNumber(sent.asText(), stored.asText());
    }
    if (sent.isTextual() && stored.isTextual() && !sent.asText().equals(stored.asText())) {
      return sameJson(sent.asText(), stored.asText());
    }
    return sent.equals(stored);
  }

  private static boolean allSame(JsonNode a, JsonNode b) {
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameMembers(JsonNode a, JsonNode b) {
    for (Map.Entry<String, JsonNode> entry : a.properties()) {
      JsonNode other = b.get(entry.getKey()); // null only where b lacks the key
      if (other == null || !same(entry.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  private static boolean membersHeld(JsonNode sent, JsonNode stored) {
    for (Map.Entry<String, JsonNode> field : sent.properties()) {
      if (!holds(field.getValue(), stored.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean elementsHeld(JsonNode sent, JsonNode stored) {
    for (int i = 0; i < sent.size(); i++) {
      if (!holds(sent.get(i), stored.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameNumber(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  private static boolean sameJson(String a, String b) {
    try {
      return same(CanonicalJson.JSON.readTree(a), CanonicalJson.JSON.readTree(b));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }
}
