package io.posthoggitops.kinds.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;
import io.posthoggitops.kind.CanonicalJson;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cohorts: PostHog re-serialises filter leaves with {@code negation: false} and adds compiled
 * {@code bytecode}, {@code conditionHash} and {@code bytecode_error} (docs/how-plan-decides.md).
 * The legacy {@code groups} field is a server field: {@code filters} is what counts.
 */
final class CohortForm implements CanonicalForm {

  private static final Pattern COUNT = Pattern.compile("-?[0-9]{1,9}");

  /** Counts of a behavioural leaf, which PostHog reads from numeric strings as numbers. */
  private static final List<String> COUNTS =
      List.of("time_value", "operator_value", "seq_time_value", "total_periods", "min_periods");

  private static final List<String> COMPILED_KEYS =
      List.of("bytecode", "conditionHash", "bytecode_error");

  @Override
  public void normalise(ObjectNode cohort) {
    normaliseGroup(cohort.get("filters"));
    if (!CanonicalJson.isEmpty(cohort.get("query")) && isEmptyGroup(cohort.get("filters"))) {
      cohort.remove("filters");
    }
  }

  /**
   * PostHog synthesises {@code {properties: {type: AND, values: []}}} as the filters of a static
   * cohort defined by a query: the query is what counts.
   */
  private static boolean isEmptyGroup(JsonNode filters) {
    JsonNode values = filters == null ? null : filters.path("properties").get("values");
    return filters != null && (filters.isNull() || values != null && values.isEmpty());
  }

  private static void normaliseGroup(JsonNode node) {
    if (node == null) {
      return;
    }
    if (node instanceof ObjectNode object && isLeaf(object)) {
      normaliseLeaf(object);
      return;
    }
    node.forEach(CohortForm::normaliseGroup);
  }

  private static boolean isLeaf(ObjectNode object) {
    String type = object.path("type").asText("");
    return !type.isEmpty() && !"AND".equals(type) && !"OR".equals(type);
  }

  private static void normaliseLeaf(ObjectNode leaf) {
    leaf.remove(COMPILED_KEYS);
    if (!leaf.path("negation").asBoolean(false)) {
      leaf.remove("negation");
    }
    if ("person".equals(leaf.path("type").asText()) && leaf.path("operator").isMissingNode()) {
      leaf.put("operator", "exact");
    }
    for (String count : COUNTS) {
      JsonNode value = leaf.get(count);
      if (value != null && value.isTextual() && COUNT.matcher(value.asText()).matches()) {
        leaf.put(count, Integer.parseInt(value.asText()));
      }
    }
    CanonicalJson.dropNulls(leaf);
  }
}
