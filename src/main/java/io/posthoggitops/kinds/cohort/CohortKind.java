package io.posthoggitops.kinds.cohort;

import static io.posthoggitops.kind.ValueType.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DescribedKind;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.ReferenceSlot;
import io.posthoggitops.kind.ReferenceSlot.Purpose;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cohorts ({@code cohorts/}), identified by {@code name}. Their filters may include other cohorts
 * ({@code {cohort: NAME}}) and behaviour on actions ({@code {action: NAME}}).
 */
public final class CohortKind extends DescribedKind {

  static final String WORD = "cohort";

  private static final KindSpec SPEC =
      KindSpec.builder()
          .required("name", STRING, "The cohort's name (its identity here).")
          .field("description", STRING, "\"\"", "What the cohort holds.")
          .field(
              "filters",
              shape("CohortFilters"),
              "null",
              "Nested AND/OR groups of person, cohort and behavioral leaves.")
          .field("is_static", BOOLEAN, "false", "A static cohort (members uploaded, not computed).")
          .field("query", ANY_MAPPING, "null", "Static cohorts only: an ActorsQuery or HogQLQuery.")
          .server(KindSpec.COMMON_SERVER_FIELDS)
          .server(
              "groups",
              "cohort_type",
              "is_calculating",
              "count",
              "version",
              "pending_version",
              "last_calculation",
              "errors_calculating",
              "last_error_message",
              "last_backfill_person_properties_at",
              "experiment_set",
              "deleted")
          .build();

  private static final List<ReferenceSlot> REFERENCES =
      List.of(
          ReferenceSlot.leafOfType("filters", "cohort", "value", WORD, Purpose.OTHER),
          new ReferenceSlot(
              "filters", CohortKind::isBehaviourOnAction, "key", "action", false, Purpose.OTHER));

  /** Declared after the tables it is built from, which static initialisation needs. */
  public static final CohortKind KIND = new CohortKind();

  private CohortKind() {
    super(
        describe("Cohort", "name", "cohorts", SPEC)
            .referredToAs(WORD)
            .shapes(CohortShapes.shapes())
            .references(REFERENCES)
            .form(new CohortForm()));
  }

  /** A behavioural leaf whose {@code key} is an action: by id, or by name. */
  private static boolean isBehaviourOnAction(JsonNode leaf) {
    return "behavioral".equals(leaf.path("type").asText())
        && ("actions".equals(leaf.path("event_type").asText()) || leaf.path("key").isObject());
  }

  @Override
  public void check(DocumentRules document) {
    CohortChecks.check(document);
  }

  /** PostHog refuses behavioural cohorts, and cohorts that include one, in flag targeting. */
  @Override
  public Optional<String> refusedAsTarget(
      Purpose purpose,
      String identity,
      JsonNode fields,
      Function<String, Optional<JsonNode>> declared) {
    if (purpose != Purpose.TARGETING
        || !new BehavioralCohorts(declared).isBehavioral(identity, fields)) {
      return Optional.empty();
    }
    return Optional.of(
        "Cohort `"
            + identity
            + "` has behavioural conditions (itself or through the cohorts it includes), which"
            + " PostHog refuses in flag targeting; target a person-property or static cohort"
            + " instead.");
  }

  /** Cohort names are not unique in PostHog. */
  @Override
  public boolean identityKeptUnique() {
    return false;
  }
}
