package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.ForeignKey;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The part of both canonical forms that is compared: fields without a PostHog default count only
 * when declared, {@code ignore_changes} fields and fields the organisation does not store not at
 * all, keys others write only where declared (else the live value is kept, so a write carries it
 * back), and each kind's own "only where declared" parts (tile layouts, metric names).
 */
final class ComparedFields {

  private ComparedFields() {}

  /**
   * A compared pair, cut from the canonical objects, and the declared values PostHog did not store
   * (not compared).
   */
  record Pair(ObjectNode desired, ObjectNode live, List<String> notStored) {
    boolean same() {
      return JsonEquality.same(desired, live);
    }
  }

  /**
   * The compared parts of two canonical forms, cut from the forms themselves: they are the caller's
   * fresh copies, which it does not use afterwards.
   *
   * @param features the organisation's product features
   */
  static Pair of(
      Kind kind,
      ObjectNode desired,
      ObjectNode live,
      Collection<String> ignored,
      Set<String> features) {
    for (FieldSpec field : kind.spec().fields().values()) {
      boolean declaredOnly = field.defaultValue() == null && !field.required();
      boolean unstored =
          field.requiresFeature() != null && !features.contains(field.requiresFeature());
      if (declaredOnly && !desired.has(field.name()) || unstored) {
        live.remove(field.name());
      }
      if (unstored) {
        desired.remove(field.name());
      }
    }
    desired.remove(ignored);
    live.remove(ignored);
    keepForeignKeys(kind, desired, live);
    List<String> notStored = kind.form().compareLike(desired, live);
    return new Pair(desired, live, notStored);
  }

  /** Keys others write: where the document does not declare one, it keeps the live value. */
  private static void keepForeignKeys(Kind kind, ObjectNode desired, ObjectNode live) {
    for (ForeignKey key : Kinds.foreignKeysOf(kind)) {
      JsonNode liveValue = JsonPointers.get(live, key.pointer());
      if (JsonPointers.get(desired, key.pointer()) == null && liveValue != null) {
        JsonPointers.set(desired, key.pointer(), liveValue);
      }
    }
  }
}
