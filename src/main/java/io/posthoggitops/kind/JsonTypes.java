package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;

/** Names of JSON value types as a user reads them in a message. */
public final class JsonTypes {

  private JsonTypes() {}

  public static String describe(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isBoolean()) {
      return "a boolean (" + value.asText() + ")";
    }
    if (value.isNumber()) {
      return "a number (" + value.asText() + ")";
    }
    return "a string (\"" + value.asText() + "\")";
  }
}
