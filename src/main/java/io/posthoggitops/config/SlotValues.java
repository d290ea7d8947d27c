package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.kind.JsonTypes;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.ReferenceSlot;
import io.posthoggitops.kind.ReferenceValue;
import io.posthoggitops.kind.ReferenceWalk;
import io.posthoggitops.kinds.Kinds;
import java.util.List;
import java.util.Locale;

/**
 * Checks what a document's reference slots hold: a raw id, or {@code {word: NAME}} naming an object
 * of the slot's kind; the names found are recorded for {@link ReferenceChecks}.
 */
final class SlotValues {

  private SlotValues() {}

  static void check(DocumentContext doc, List<ReferenceUse> uses) {
    List<ReferenceSlot> slots = doc.declaration().kind().referenceSlots();
    ReferenceWalk.each(
        slots,
        doc.declaration().fields(),
        (holder, slot, pointer) -> check(doc, holder.get(slot.member()), slot, pointer, uses));
  }

  private static void check(
      DocumentContext doc,
      JsonNode value,
      ReferenceSlot slot,
      String pointer,
      List<ReferenceUse> uses) {
    if (ReferenceValue.isId(value)) {
      return;
    }
    Kind target = targetOf(slot);
    ReferenceValue.name(value, slot.word())
        .ifPresentOrElse(
            name ->
                uses.add(
                    new ReferenceUse(
                        doc.declaration(),
                        target,
                        name,
                        doc.read().document(),
                        pointer,
                        slot.purpose())),
            () ->
                doc.errorAtValue(
                    pointer,
                    FieldPath.quote(pointer)
                        + " must be {"
                        + slot.word()
                        + ": "
                        + target.identityField().toUpperCase(Locale.ROOT)
                        + "} or a "
                        + target.name()
                        + " id, not "
                        + JsonTypes.describe(value)
                        + "."));
  }

  static Kind targetOf(ReferenceSlot slot) {
    return Kinds.byReferenceWord(slot.word())
        .orElseThrow(() -> new IllegalStateException("no kind is referred to as " + slot.word()));
  }
}
