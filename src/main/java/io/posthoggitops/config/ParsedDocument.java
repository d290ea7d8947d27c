package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.model.SourceLocation;
import java.util.Map;

/**
 * One YAML document as a JSON tree, with where each part of it is written.
 *
 * @param root the document's value (an object for a valid declaration)
 * @param start where the document's value starts
 * @param keyLocations JSON pointer → the key of an object member, or the start of an array item
 * @param valueLocations JSON pointer → the start of the value itself
 */
record ParsedDocument(
    JsonNode root,
    SourceLocation start,
    Map<String, SourceLocation> keyLocations,
    Map<String, SourceLocation> valueLocations) {

  /** Where the key (or array item) at the pointer is written, else the document start. */
  SourceLocation key(String pointer) {
    return keyLocations.getOrDefault(pointer, start);
  }

  /** Where the value at the pointer is written, else its key, else the document start. */
  SourceLocation value(String pointer) {
    SourceLocation found = valueLocations.get(pointer);
    return found != null ? found : key(pointer);
  }
}
