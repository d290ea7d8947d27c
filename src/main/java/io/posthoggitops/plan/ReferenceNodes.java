package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where references sit inside filters, and their two spellings: by name ({@code {cohort: NAME}},
 * {@code {flag: KEY}}, {@code {action: NAME}}) in the canonical form, by id in PostHog's JSON. A
 * cohort sits in a leaf's {@code value}; a flag dependency and a behavioral leaf's action in its
 * {@code key}.
 */
final class ReferenceNodes {

  /** One reference by name found in a declaration, with its JSON pointer for messages. */
  record Found(Kind kind, String identity, String pointer) {
    String address() {
      return kind.yamlName() + "/" + identity;
    }
  }

  private ReferenceNodes() {}

  /** The field of a leaf holding a reference, and the kind it points at, if the leaf has one. */
  private static Optional<Slot> slotOf(JsonNode leaf) {
    String type = leaf.path("type").asText("");
    return switch (type) {
      case "cohort" -> Optional.of(new Slot("value", Kind.COHORT, "cohort"));
      case "flag" -> Optional.of(new Slot("key", Kind.FEATURE_FLAG, "flag"));
      case "behavioral" ->
          "actions".equals(leaf.path("event_type").asText())
              ? Optional.of(new Slot("key", Kind.ACTION, "action"))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private record Slot(String field, Kind kind, String nameKey) {}

  /**
   * Rewrites ids to {@code {cohort: NAME}} etc. where the id is known; unknown ids stay numbers.
   */
  static void toNames(JsonNode root, References refs) {
    eachLeaf(
        root,
        "",
        (leaf, slot, pointer) -> {
          JsonNode current = leaf.get(slot.field());
          Optional<Long> id = idIn(current);
          if (id.isEmpty()) {
            return;
          }
          Optional<String> name = refs.identityOf(slot.kind(), id.get());
          leaf.set(
              slot.field(),
              name.isPresent()
                  ? named(slot, name.get())
                  : CanonicalJson.NODES.numberNode(id.get()));
        });
  }

  /** Rewrites names to ids (flag keys as PostHog's id strings) or to pending placeholders. */
  static void toIds(JsonNode root, References refs) {
    eachLeaf(
        root,
        "",
        (leaf, slot, pointer) -> {
          String name = leaf.path(slot.field()).path(slot.nameKey()).asText(null);
          if (name == null) {
            return;
          }
          refs.idOf(slot.kind(), name).ifPresent(id -> leaf.set(slot.field(), apiId(slot, id)));
        });
  }

  /** Every reference by name under {@code root}, whose own pointer is {@code base}. */
  static List<Found> find(JsonNode root, String base) {
    List<Found> found = new ArrayList<>();
    eachLeaf(
        root,
        base,
        (leaf, slot, pointer) -> {
          String name = leaf.path(slot.field()).path(slot.nameKey()).asText(null);
          if (name != null) {
            found.add(new Found(slot.kind(), name, pointer + "/" + slot.field()));
          }
        });
    return found;
  }

  private static JsonNode apiId(Slot slot, JsonNode id) {
    if (id.isNumber() && slot.kind() == Kind.FEATURE_FLAG) {
      return CanonicalJson.NODES.textNode(id.asText());
    }
    return id;
  }

  private static ObjectNode named(Slot slot, String name) {
    ObjectNode node = CanonicalJson.NODES.objectNode();
    node.put(slot.nameKey(), name);
    return node;
  }

  private static Optional<Long> idIn(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isIntegralNumber()) {
      return Optional.of(node.asLong());
    }
    if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
      return Optional.of(Long.parseLong(node.asText()));
    }
    return Optional.empty();
  }

  private interface LeafVisitor {
    void visit(ObjectNode leaf, Slot slot, String pointer);
  }

  private static void eachLeaf(JsonNode node, String pointer, LeafVisitor visitor) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      Optional<Slot> slot = slotOf(node);
      if (slot.isPresent()) {
        visitor.visit((ObjectNode) node, slot.get(), pointer);
      }
      node.properties()
          .forEach(e -> eachLeaf(e.getValue(), pointer + "/" + escape(e.getKey()), visitor));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        eachLeaf(node.get(i), pointer + "/" + i, visitor);
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
