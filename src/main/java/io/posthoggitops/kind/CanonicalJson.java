package io.posthoggitops.kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Value-level rules of the canonical form that hold for every kind: numbers compare numerically,
 * nested keys sit in one fixed order, tags are sets, JSON held in strings is parsed.
 */
public final class CanonicalJson {
  public static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodes.FACTORY);
  public static final JsonNodeFactory NODES = JsonNodes.FACTORY;

  /** Nested keys that read best first; the rest follow alphabetically. */
  private static final List<String> LEADING_KEYS =
      List.of(
          "kind",
          "type",
          "key",
          "name",
          "event",
          "operator",
          "value",
          "insight",
          "text",
          "x",
          "y",
          "w",
          "h");

  private CanonicalJson() {}

  /** {@code 50.0} becomes {@code 50}; other numbers keep their exact decimal value. */
  public static JsonNode number(JsonNode node) {
    if (node.isInt() || node.isLong()) {
      return node; // already canonical, and immutable
    }
    BigDecimal value = node.decimalValue().stripTrailingZeros();
    if (value.scale() <= 0 && value.precision() - value.scale() < 19) {
      return NODES.numberNode(value.longValueExact());
    }
    return NODES.numberNode(value);
  }

  /** A deep copy with numbers normalised and nested object keys in the fixed order. */
  public static JsonNode normalise(JsonNode node) {
    return normaliseOwned(JsonNodes.copy(node));
  }

  /** Each leading key's place; the others come after them. */
  private static final Map<String, Integer> LEADING_RANK = new HashMap<>();

  static {
    for (int i = 0; i < LEADING_KEYS.size(); i++) {
      LEADING_RANK.put(LEADING_KEYS.get(i), i);
    }
  }

  /**
   * {@link #normalise} for a value nothing else holds (a part of a fresh copy): the value itself
   * where it is already canonical, else a canonical copy that shares the parts that are. Nothing is
   * changed in place.
   */
  public static JsonNode normaliseOwned(JsonNode node) {
    if (node == null) {
      return NODES.nullNode();
    }
    if (node.isNumber()) {
      return number(node);
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = null;
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        JsonNode canonical = normaliseOwned(item);
        if (out == null && canonical != item) {
          out = NODES.arrayNode(array.size());
          for (int k = 0; k < i; k++) {
            out.add(array.get(k));
          }
        }
        if (out != null) {
          out.add(canonical);
        }
      }
      return out != null ? out : array;
    }
    if (node instanceof ObjectNode object) {
      boolean same = inOrder(object);
      for (Iterator<Map.Entry<String, JsonNode>> members = object.properties().iterator();
          same && members.hasNext(); ) {
        JsonNode value = members.next().getValue();
        same = normaliseOwned(value) == value;
      }
      if (same) {
        return object;
      }
      ObjectNode out = NODES.objectNode();
      for (String key : orderedKeys(object)) {
        out.set(key, normaliseOwned(object.get(key)));
      }
      return out;
    }
    return node;
  }

  private static boolean inOrder(JsonNode object) {
    String previous = null;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (previous != null && KEY_ORDER.compare(previous, key) > 0) {
        return false;
      }
      previous = key;
    }
    return true;
  }

  /** The leading keys first, in their order, then the others alphabetically. */
  private static final Comparator<String> KEY_ORDER =
      Comparator.<String>comparingInt(k -> LEADING_RANK.getOrDefault(k, LEADING_KEYS.size()))
          .thenComparing(Comparator.naturalOrder());

  private static String[] orderedKeys(JsonNode object) {
    String[] keys = new String[object.size()];
    int i = 0;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      keys[i++] = names.next();
    }
    Arrays.sort(keys, KEY_ORDER);
    return keys;
  }

  /** The value a JSON-encoded string holds, or the string itself when it is not JSON. */
  public static JsonNode parsedString(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return node;
    }
    String text = node.asText();
    int first = 0;
    while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    if (first < text.length() && "{[\"-0123456789tfn".indexOf(text.charAt(first)) < 0) {
      return node; // cannot start a JSON value: no parser, and no exception, per plain string
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return node;
    }
  }

  /** Compact JSON text of a value, as PostHog wants payloads. */
  public static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Removes keys whose value is JSON null. */
  public static void dropNulls(ObjectNode object) {
    object.properties().removeIf(e -> e.getValue().isNull());
  }

  /** Removes the named keys from every object anywhere under {@code node}. */
  public static void dropKeysDeep(JsonNode node, List<String> keys) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      ((ObjectNode) node).remove(keys);
    }
    node.forEach(child -> dropKeysDeep(child, keys));
  }

  /** Removes the named keys from {@code node} itself if it is an object. */
  public static void dropKeysShallow(JsonNode node, List<String> keys) {
    if (node instanceof ObjectNode object) {
      object.remove(keys);
    }
  }

  /**
   * Cuts {@code live} down to the keys {@code declared} has, at every depth (arrays element by
   * element when both have the same length): for values PostHog enriches on read.
   */
  public static void keepDeclared(JsonNode live, JsonNode declared) {
    if (live instanceof ObjectNode object && declared != null && declared.isObject()) {
      object.properties().removeIf(e -> !declared.has(e.getKey()));
      object.properties().forEach(e -> keepDeclared(e.getValue(), declared.get(e.getKey())));
    } else if (live != null
        && live.isArray()
        && declared != null
        && declared.isArray()
        && live.size() == declared.size()) {
      for (int i = 0; i < live.size(); i++) {
        keepDeclared(live.get(i), declared.get(i));
      }
    }
  }

  public static boolean isEmpty(JsonNode node) {
    return node == null || node.isNull() || (node.isContainerNode() && node.isEmpty());
  }
}
