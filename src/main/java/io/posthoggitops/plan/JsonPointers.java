package io.posthoggitops.plan;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reading, setting and removing one member of a JSON tree by JSON pointer. */
final class JsonPointers {

  private JsonPointers() {}

  /** The value at the pointer, or null. */
  static JsonNode get(JsonNode root, String pointer) {
    JsonNode value = root.at(COMPILED.computeIfAbsent(pointer, JsonPointer::compile));
    return value.isMissingNode() ? null : value;
  }

  /** The pointers asked for, compiled once: they are the kinds' few foreign keys. */
  private static final Map<String, JsonPointer> COMPILED = new ConcurrentHashMap<>();

  /** Sets the member at the pointer, when its parent object exists. */
  static void set(JsonNode root, String pointer, JsonNode value) {
    if (root.at(parent(pointer)) instanceof ObjectNode parent) {
      parent.set(key(pointer), value.deepCopy());
    }
  }

  static void remove(JsonNode root, String pointer) {
    if (root.at(parent(pointer)) instanceof ObjectNode parent) {
      parent.remove(key(pointer));
    }
  }

  private static String parent(String pointer) {
    return pointer.substring(0, pointer.lastIndexOf('/'));
  }

  private static String key(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }
}
