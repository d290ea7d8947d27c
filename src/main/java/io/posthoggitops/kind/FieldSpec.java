package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One top-level field of a kind's YAML document.
 *
 * @param name PostHog's field name (snake_case)
 * @param type the value's type, nested shapes included
 * @param defaultValue what PostHog stores when the field is omitted on create; null means "not
 *     compared unless declared" (a field PostHog changes additively or we cannot default)
 * @param required the document must declare it (unless it is a tombstone)
 * @param description one line for the JSON Schema
 * @param canon how values are brought to one form before comparing
 * @param requiresFeature the organisation feature without which PostHog drops the field (e.g.
 *     {@code tagging}), or null
 * @param sentAsField false for fields of ours that are written another way (an experiment's {@code
 *     status}, a dashboard's {@code tiles})
 */
public record FieldSpec(
    String name,
    ValueType type,
    JsonNode defaultValue,
    boolean required,
    String description,
    Canon canon,
    String requiresFeature,
    boolean sentAsField) {

  /** How a field's values compare. */
  public enum Canon {
    /** As written, numbers and key order normalised. */
    AS_IS,
    /** A set of trimmed strings, in sorted order. */
    SET,
    /** A set of trimmed lower-case strings, as PostHog stores tags. */
    LOWER_CASE_SET
  }

  /** The value in canonical form (a copy). */
  public JsonNode canonical(JsonNode value) {
    return canon == Canon.AS_IS || !value.isArray() ? CanonicalJson.normalise(value) : set(value);
  }

  /**
   * The value in canonical form, sharing what is canonical already: for a value nothing else holds
   * (see {@link CanonicalJson#normaliseOwned}).
   */
  public JsonNode canonicalOwned(JsonNode value) {
    return canon == Canon.AS_IS || !value.isArray()
        ? CanonicalJson.normaliseOwned(value)
        : set(value);
  }

  private JsonNode set(JsonNode value) {
    TreeSet<String> set = new TreeSet<>();
    value.forEach(
        item -> {
          String text = item.asText().trim();
          set.add(canon == Canon.LOWER_CASE_SET ? text.toLowerCase(Locale.ROOT) : text);
        });
    ArrayNode out = CanonicalJson.NODES.arrayNode();
    set.forEach(out::add);
    return out;
  }

  /** Whether a value differs from what PostHog assumes when the field is omitted. */
  public boolean isDefault(JsonNode value) {
    return defaultValue != null
        ? CanonicalJson.normalise(defaultValue).equals(canonical(value))
        : CanonicalJson.isEmpty(value) || (value.isBoolean() && !value.asBoolean());
  }
}
