package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Visits every place a document's reference slots hold a value, in document order. */
public final class ReferenceWalk {

  /** One slot's value found in a document. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * @param holder the object holding the reference (may be rewritten in place)
     * @param slot the slot it sits in; the value is {@code holder.get(slot.member())}
     * @param pointer JSON pointer of the value within the document
     */
    void visit(ObjectNode holder, ReferenceSlot slot, String pointer);
  }

  private ReferenceWalk() {}

  /** Visits the slots' values in {@code document} (an object of top-level fields). */
  public static void each(List<ReferenceSlot> slots, ObjectNode document, Visitor visitor) {
    for (Map.Entry<String, List<ReferenceSlot>> field : byField(slots).entrySet()) {
      JsonNode value = document.get(field.getKey());
      if (value == null) {
        continue;
      }
      String pointer = "/" + FieldPath.escape(field.getKey());
      for (ReferenceSlot slot : field.getValue()) {
        if (slot.isWholeField()) {
          visitor.visit(document, slot, pointer);
        }
      }
      List<ReferenceSlot> leaves =
          field.getValue().stream().filter(s -> !s.isWholeField()).toList();
      if (!leaves.isEmpty()) {
        walk(value, At.root(pointer), leaves, visitor);
      }
    }
  }

  private static Map<String, List<ReferenceSlot>> byField(List<ReferenceSlot> slots) {
    Map<String, List<ReferenceSlot>> byField = new LinkedHashMap<>();
    slots.forEach(s -> byField.computeIfAbsent(s.field(), f -> new ArrayList<>()).add(s));
    return byField;
  }

  private static void walk(JsonNode node, At at, List<ReferenceSlot> slots, Visitor visitor) {
    if (node instanceof ObjectNode object) {
      for (ReferenceSlot slot : slots) {
        if (slot.leaf().test(object)) {
          visitor.visit(object, slot, FieldPath.member(at.pointer(), slot.member()));
          break;
        }
      }
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
      for (Map.Entry<String, JsonNode> member : members) {
        walk(member.getValue(), new At(at, member.getKey(), -1), slots, visitor);
      }
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), new At(at, null, i), slots, visitor);
      }
    }
  }

  /**
   * Where the walk is, spelled as a pointer only when a slot is found there: most nodes hold no
   * reference, and building every node's pointer was most of a walk.
   */
  private record At(At parent, String key, int index) {
    static At root(String pointer) {
      return new At(null, pointer, -1);
    }

    String pointer() {
      if (parent == null) {
        return key;
      }
      return key == null ? parent.pointer() + "/" + index : FieldPath.member(parent.pointer(), key);
    }
  }
}
