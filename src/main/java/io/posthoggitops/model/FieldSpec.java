package io.posthoggitops.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One top-level field of a kind's YAML document.
 *
 * @param name PostHog's field name (snake_case)
 * @param type the JSON type expected
 * @param defaultValue what PostHog stores when the field is omitted on create; null means "not
 *     compared unless declared" (a field PostHog changes additively or we cannot default)
 * @param required the document must declare it (unless it is a tombstone)
 * @param allowed the allowed values of an enum field, else empty
 * @param description one line for the JSON Schema and {@code --help} texts
 */
public record FieldSpec(
    String name,
    FieldType type,
    JsonNode defaultValue,
    boolean required,
    List<String> allowed,
    String description) {

  public enum FieldType {
    STRING,
    BOOLEAN,
    INTEGER,
    NUMBER,
    OBJECT,
    ARRAY,
    STRING_ARRAY,
    INTEGER_ARRAY,
    /** any JSON value: an object, string, or null (queries, opaque blobs). */
    ANY
  }
}
