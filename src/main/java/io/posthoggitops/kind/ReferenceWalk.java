package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
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
    for (Field field : fields(slots)) {
      JsonNode value = document.get(field.name());
      if (value == null) {
        continue;
      }
      for (ReferenceSlot slot : field.whole()) {
        visitor.visit(document, slot, field.pointer());
      }
      if (!field.leaves().isEmpty()) {
        walk(value, PointerPath.at(field.pointer()), field.leaves(), visitor);
      }
    }
  }

  /** The slots of one top-level field: those that are the field's value, and those under it. */
  private record Field(
      String name, String pointer, List<ReferenceSlot> whole, List<ReferenceSlot> leaves) {}

  /** Each kind's slots grouped by field once: documents are walked several times each. */
  private static final Map<List<ReferenceSlot>, List<Field>> FIELDS =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private static List<Field> fields(List<ReferenceSlot> slots) {
    return FIELDS.computeIfAbsent(slots, ReferenceWalk::byField);
  }

  private static List<Field> byField(List<ReferenceSlot> slots) {
    Map<String, List<ReferenceSlot>> byField = new LinkedHashMap<>();
    slots.forEach(s -> byField.computeIfAbsent(s.field(), f -> new ArrayList<>()).add(s));
    return byField.entrySet().stream()
        .map(
            e ->
                new Field(
                    e.getKey(),
                    "/" + FieldPath.escape(e.getKey()),
                    e.getValue().stream().filter(ReferenceSlot::isWholeField).toList(),
                    e.getValue().stream().filter(s -> !s.isWholeField()).toList()))
        .toList();
  }

  private static void walk(
      JsonNode node, PointerPath at, List<ReferenceSlot> slots, Visitor visitor) {
    if (node instanceof ObjectNode object) {
      for (ReferenceSlot slot : slots) {
        if (slot.leaf().test(object)) {
          visitor.visit(object, slot, FieldPath.member(at.pointer(), slot.member()));
          break;
        }
      }
      // The visitor has rewritten this object, if at all; its members are walked as they are now.
      // Only objects hold references, so scalars are not walked into.
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        if (member.getValue().isContainerNode()) {
          walk(member.getValue(), at.member(member.getKey()), slots, visitor);
        }
      }
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isContainerNode()) {
          walk(node.get(i), at.item(i), slots, visitor);
        }
      }
    }
  }
}
