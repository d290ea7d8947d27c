package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one kind adds to the generic canonical form: its own rewrites of a declaration, of a live
 * object and of a request body. Field defaults, key order, set-valued fields and references come
 * from the kind's {@link KindSpec} and {@link ReferenceSlot}s.
 */
public interface CanonicalForm {

  /** A kind with no rewrites of its own. */
  CanonicalForm NONE = new CanonicalForm() {};

  /** Rules for both sides, applied in place after {@link #desired} or {@link #live}. */
  default void normalise(ObjectNode object) {}

  /** Rewrites only a copy of a declaration's fields, in place. */
  default void desired(ObjectNode fields) {}

  /** Rewrites only a copy of a live object, in place (server fields are removed afterwards). */
  default void live(ObjectNode raw) {}

  /** Rewrites a canonical copy into PostHog's request shape in place (references already ids). */
  default void api(ObjectNode body) {}

  /**
   * Drops from {@code live} what is compared only where declared in {@code desired} (both are
   * canonical copies that may be changed).
   *
   * @return declared values PostHog shows it did not store (e.g. {@code layouts of tile `Daily
   *     checkouts`}); they are left out of the comparison and named in one warning, instead of a
   *     change planned again on every run
   */
  default List<String> compareLike(ObjectNode desired, ObjectNode live) {
    return List.of();
  }

  /** Drops nested values equal to what PostHog assumes when they are omitted (for export). */
  default void omitDefaults(ObjectNode canonical) {}
}
