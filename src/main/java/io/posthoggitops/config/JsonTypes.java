package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Names of JSON value types as a user reads them in a message. */
final class JsonTypes {

  private JsonTypes() {}

  static String describe(JsonNode value) {
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
