package io.posthoggitops.kinds.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.kind.JsonTypes;
import java.util.Set;

/**
 * The rules of Cohort documents that PostHog enforces (docs/format/cohorts.md): a query only on
 * static cohorts, and what each leaf of the AND/OR tree needs. References are checked through the
 * cohort's reference slots, like every kind's.
 */
final class CohortChecks {

  private static final Set<String> VALUELESS_OPERATORS = Set.of("is_set", "is_not_set");
  private static final int MAX_DEPTH = 32;

  private CohortChecks() {}

  static void check(DocumentRules doc) {
    checkQuery(doc);
    visit(doc, doc.fields().path("filters").path("properties"), "/filters/properties", 0);
  }

  /**
   * PostHog takes a query only for static cohorts, and never together with filters (but for the
   * empty group it synthesises as the filters of such a cohort).
   */
  private static void checkQuery(DocumentRules doc) {
    JsonNode query = doc.fields().path("query");
    if (query.isMissingNode() || query.isNull()) {
      return;
    }
    JsonNode filters = doc.fields().path("filters");
    boolean emptyGroup =
        filters.path("properties").path("values").isArray()
            && filters.path("properties").path("values").isEmpty();
    if (!filters.isMissingNode() && !filters.isNull() && !emptyGroup) {
      doc.errorAtKey(
          "/query", "a cohort takes `query` or `filters`, not both; remove one of them.");
    } else if (!doc.fields().path("is_static").asBoolean(false)) {
      doc.errorAtKey(
          "/query", "`query` is only for static cohorts; add `is_static: true` or use `filters`.");
    }
  }

  private static void visit(DocumentRules doc, JsonNode node, String pointer, int depth) {
    if (!node.isObject() || depth > MAX_DEPTH) {
      return;
    }
    switch (node.path("type").asText()) {
      case "AND", "OR" -> {
        JsonNode values = node.path("values");
        for (int i = 0; values.isArray() && i < values.size(); i++) {
          visit(doc, values.get(i), pointer + "/values/" + i, depth + 1);
        }
      }
      case "person", "person_metadata" -> checkPerson(doc, node, pointer);
      case "behavioral" -> checkBehavioral(doc, node, pointer);
      default -> {}
    }
  }

  private static void checkPerson(DocumentRules doc, JsonNode leaf, String pointer) {
    String operator = leaf.path("operator").asText("exact");
    if (!leaf.has("value") && !VALUELESS_OPERATORS.contains(operator)) {
      doc.errorAtKey(
          pointer,
          "a person condition with operator `"
              + operator
              + "` needs a `value`"
              + " (only is_set and is_not_set go without).");
    }
    if (Set.of("in", "not_in", "flag_evaluates_to").contains(operator)) {
      doc.errorAtValue(
          pointer + "/operator",
          "operator `"
              + operator
              + "` is not for person"
              + " properties; use `exact` for a list of values.");
    }
  }

  private static void checkBehavioral(DocumentRules doc, JsonNode leaf, String pointer) {
    JsonNode key = leaf.get("key");
    boolean onActions = leaf.path("event_type").asText().equals("actions");
    boolean actionReference = key != null && key.isObject();
    if (actionReference && leaf.path("event_type").isTextual() && !onActions) {
      doc.errorAtValue(
          pointer + "/event_type",
          "a behavioral condition on {action: NAME} needs" + " `event_type: actions`.");
    }
    if (!onActions && !actionReference && key != null && !key.isTextual()) {
      doc.errorAtValue(
          pointer + "/key",
          FieldPath.quote(pointer + "/key")
              + " must be an event name with `event_type: events`, not "
              + JsonTypes.describe(key)
              + ".");
    }
  }
}
