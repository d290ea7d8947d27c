package io.posthoggitops.kinds.cohort;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.ObjectShape;
import io.posthoggitops.kind.PropertyOperators;
import io.posthoggitops.kind.ValueType;
import java.util.List;
import java.util.Map;

/** The nested parts of a Cohort's {@code filters} (docs/format/cohorts.md). */
final class CohortShapes {

  static final List<String> BEHAVIORAL_VALUES =
      List.of(
          "performed_event",
          "performed_event_multiple",
          "performed_event_first_time",
          "performed_event_regularly",
          "stopped_performing_event",
          "restarted_performing_event",
          "performed_event_sequence");

  /** A group or a leaf, chosen by its {@code type}. */
  static final ValueType NODE =
      new ByKey(
          "type",
          Map.of(
              "AND",
              "CohortGroup",
              "OR",
              "CohortGroup",
              "person",
              "PersonLeaf",
              "person_metadata",
              "PersonLeaf",
              "cohort",
              "CohortLeaf",
              "behavioral",
              "BehavioralLeaf"));

  private CohortShapes() {}

  static List<ObjectShape> shapes() {
    return List.of(
        ObjectShape.named("CohortFilters", "Who is in the cohort.")
            .required("properties", shape("CohortGroup"), "The top AND/OR group.")
            .build(),
        ObjectShape.named("CohortGroup", "AND/OR of nested groups and leaves.")
            .required("type", oneOf("AND", "OR"), "How the values combine.")
            .required("values", listOf(NODE), "Nested groups and leaves.")
            .build(),
        ObjectShape.named("PersonLeaf", "A person property condition.")
            .required("type", oneOf("person", "person_metadata"), "Leaf type.")
            .required("key", STRING, "Person property name.")
            .member("operator", PropertyOperators.TYPE, "Comparison; default exact.")
            .member("value", ANY, "Value compared; omit only for is_set/is_not_set.")
            .member("negation", BOOLEAN, "Negate the match.")
            .build(),
        ObjectShape.named("CohortLeaf", "Membership of another cohort.")
            .required("type", oneOf("cohort"), "Leaf type.")
            .required("key", oneOf("id"), "Always `id`.")
            .required("value", ANY, "{cohort: NAME} or the cohort's id.")
            .member("negation", BOOLEAN, "Not in the cohort.")
            .build(),
        behavioralLeaf());
  }

  private static ObjectShape behavioralLeaf() {
    return ObjectShape.named("BehavioralLeaf", "Something people did (an event or an action).")
        .required("type", oneOf("behavioral"), "Leaf type.")
        .required(
            "key", ANY, "Event name, or {action: NAME} / an action id with event_type: actions.")
        .required(
            "value", oneOf(BEHAVIORAL_VALUES.toArray(String[]::new)), "What kind of behaviour.")
        .required("event_type", oneOf("events", "actions"), "Whether key is an event or an action.")
        .member("time_value", WHOLE_NUMBER, "How many time_interval units back.")
        .member("time_interval", STRING, "day, week, month or year.")
        .member("negation", BOOLEAN, "Did not do it.")
        .member("operator", STRING, "Count comparison (performed_event_multiple).")
        .member("operator_value", WHOLE_NUMBER, "Count compared.")
        .member("seq_time_interval", STRING, "Sequence window unit.")
        .member("seq_time_value", WHOLE_NUMBER, "Sequence window length.")
        .member("seq_event", ANY, "Second event of a sequence.")
        .member(
            "seq_event_type",
            oneOf("events", "actions"),
            "Whether seq_event is an event or an action.")
        .member("total_periods", WHOLE_NUMBER, "Periods looked at (performed_event_regularly).")
        .member("min_periods", WHOLE_NUMBER, "Periods needed (performed_event_regularly).")
        .member("event_filters", listOf(ANY_MAPPING), "Event, element or HogQL filters.")
        .member("explicit_datetime", STRING, "Start of an explicit time range.")
        .member("explicit_datetime_to", STRING, "End of an explicit time range.")
        .build();
  }
}
