package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.FieldSpec;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.KindSpec;
import java.util.Collection;
import java.util.List;

/**
 * The part of both canonical forms that is compared: fields without a PostHog default count only
 * when declared, {@code ignore_changes} fields and fields the organisation does not store not at
 * all, and each kind's "only where declared" parts (tile layouts, foreign flag filter keys).
 */
final class ComparedFields {
  /** Fields PostHog drops without its paid tagging feature (CONTRACT §0.7). */
  static final List<String> TAGGING_FIELDS = List.of("tags", "evaluation_contexts");

  private ComparedFields() {}

  /**
   * A compared pair, both copies of the canonical objects, and the declared values PostHog did not
   * store (not compared).
   */
  record Pair(ObjectNode desired, ObjectNode live, List<String> notStored) {
    boolean same() {
      return desired.equals(live);
    }
  }

  static Pair of(
      Kind kind, ObjectNode desired, ObjectNode live, Collection<String> ignored, boolean tagging) {
    ObjectNode d = desired.deepCopy();
    ObjectNode l = live.deepCopy();
    for (FieldSpec field : KindSpec.of(kind).fields().values()) {
      if (field.defaultValue() == null && !field.required() && !d.has(field.name())) {
        l.remove(field.name());
      }
    }
    d.remove(ignored);
    l.remove(ignored);
    if (!tagging) {
      d.remove(TAGGING_FIELDS);
      l.remove(TAGGING_FIELDS);
    }
    List<String> notStored = KindForm.of(kind).compareLike(d, l);
    return new Pair(d, l, notStored);
  }
}
