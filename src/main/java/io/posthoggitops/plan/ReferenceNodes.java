package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.ReferenceSlot;
import io.posthoggitops.kind.ReferenceWalk;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * References in a kind's reference slots, in their two spellings: by name ({@code {cohort: NAME}})
 * in the canonical form, by id in PostHog's JSON.
 */
final class ReferenceNodes {

  private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");

  /** One reference by name found in a document, with its JSON pointer for messages. */
  record Found(Address address, String pointer) {}

  private ReferenceNodes() {}

  /**
   * Rewrites ids to {@code {cohort: NAME}} etc. where the id is known; unknown ids stay numbers.
   */
  static void toNames(Kind kind, ObjectNode document, References refs) {
    ReferenceWalk.each(
        kind.referenceSlots(),
        document,
        (holder, slot, pointer) ->
            idIn(holder.get(slot.member()))
                .ifPresent(
                    id -> {
                      Optional<String> name = refs.identityOf(target(slot), LiveId.of(id));
                      holder.set(
                          slot.member(),
                          name.isPresent()
                              ? named(slot, name.get())
                              : CanonicalJson.NODES.numberNode(id));
                    }));
  }

  /** Rewrites names to ids (as the slot writes them) or to pending placeholders. */
  static void toIds(Kind kind, ObjectNode document, References refs) {
    ReferenceWalk.each(
        kind.referenceSlots(),
        document,
        (holder, slot, pointer) -> {
          String name = holder.path(slot.member()).path(slot.word()).asText(null);
          if (name != null) {
            refs.idOf(target(slot), name)
                .ifPresent(id -> holder.set(slot.member(), apiId(slot, id)));
          }
        });
  }

  /** Every reference by name in a document of {@code kind}. */
  static List<Found> find(Kind kind, ObjectNode document) {
    List<Found> found = new ArrayList<>();
    ReferenceWalk.each(
        kind.referenceSlots(),
        document,
        (holder, slot, pointer) -> {
          String name = holder.path(slot.member()).path(slot.word()).asText(null);
          if (name != null) {
            found.add(new Found(new Address(target(slot), name), pointer));
          }
        });
    return found;
  }

  /** The addresses a canonical document references; none for a document that is not an object. */
  static Set<Address> addresses(Kind kind, JsonNode document) {
    Set<Address> addresses = new HashSet<>();
    if (document instanceof ObjectNode object) {
      find(kind, object).forEach(f -> addresses.add(f.address()));
    }
    return addresses;
  }

  private static Kind target(ReferenceSlot slot) {
    return Kinds.byReferenceWord(slot.word())
        .orElseThrow(() -> new IllegalStateException("no kind is referred to as " + slot.word()));
  }

  private static JsonNode apiId(ReferenceSlot slot, JsonNode id) {
    return id.isNumber() && slot.idAsText() ? CanonicalJson.NODES.textNode(id.asText()) : id;
  }

  private static ObjectNode named(ReferenceSlot slot, String name) {
    ObjectNode node = CanonicalJson.NODES.objectNode();
    node.put(slot.word(), name);
    return node;
  }

  /** A numeric id, also written as a string (flag dependency keys). */
  private static Optional<Long> idIn(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isIntegralNumber()) {
      return Optional.of(node.asLong());
    }
    if (node.isTextual() && NUMERIC_ID.matcher(node.asText()).matches()) {
      return Optional.of(Long.parseLong(node.asText()));
    }
    return Optional.empty();
  }
}
