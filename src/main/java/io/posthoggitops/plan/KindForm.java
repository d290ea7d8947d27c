package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one kind adds to the generic canonical form: its own rewrites of a declaration, of a live
 * object and of a request body. Field defaults, server fields and key order come from {@code
 * KindSpec}; a new kind is one new implementation registered here.
 */
interface KindForm {

  /** Rules for both sides, applied in place after {@link #desired} or {@link #live}. */
  void normalise(ObjectNode object);

  /** Rewrites only a copy of a declaration's fields, in place. */
  default void desired(ObjectNode fields) {}

  /** Rewrites only a copy of a live object, in place (server fields are removed afterwards). */
  default void live(ObjectNode raw) {}

  /** Rewrites a canonical copy into PostHog's request shape in place (references already ids). */
  default void api(ObjectNode body) {}

  /** Top-level fields that hold references by name ({@code {cohort: NAME}} and the like). */
  default List<String> referenceFields() {
    return List.of();
  }

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

  static KindForm of(Kind kind) {
    return Registry.FORMS.get(kind);
  }

  /** The registered forms, one per kind. */
  final class Registry {
    private static final Map<Kind, KindForm> FORMS = new EnumMap<>(Kind.class);

    static {
      FORMS.put(Kind.ACTION, new ActionForm());
      FORMS.put(Kind.COHORT, new CohortForm());
      FORMS.put(Kind.FEATURE_FLAG, new FeatureFlagForm());
      FORMS.put(Kind.EXPERIMENT, new ExperimentForm());
      FORMS.put(Kind.DASHBOARD, new DashboardForm());
    }

    private Registry() {}
  }
}
