package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads a reference written as {@code {cohort: NAME}}, {@code {action: NAME}} or {@code {flag:
 * KEY}}, or as a raw id.
 */
public final class ReferenceValue {

  private ReferenceValue() {}

  /** True for a raw id (a positive integer). */
  public static boolean isId(JsonNode value) {
    return value != null && value.isIntegralNumber() && value.asLong() > 0;
  }

  /** The name of a {@code {word: NAME}} reference, or empty when the value is not one. */
  public static Optional<String> name(JsonNode value, String word) {
    if (value == null || !value.isObject() || value.size() != 1) {
      return Optional.empty();
    }
    JsonNode name = value.get(word);
    return name != null && name.isTextual() && !name.asText().isBlank()
        ? Optional.of(name.asText())
        : Optional.empty();
  }
}
