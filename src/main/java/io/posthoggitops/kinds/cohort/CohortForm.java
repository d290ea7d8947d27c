package io.posthoggitops.kinds.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;
import io.posthoggitops.kind.CanonicalJson;
import java.util.List;

/**
 * Cohorts: PostHog re-serialises filter leaves with {@code negation: false} and adds compiled
 * {@code bytecode}, {@code conditionHash} and {@code bytecode_error} (docs/how-plan-decides.md).
 * The legacy {@code groups} field is a server field: {@code filters} is what counts.
 */
final class CohortForm implements CanonicalForm {
  private static final List<String> COMPILED_KEYS =
      List.of("bytecode", "conditionHash", "bytecode_error");

  @Override
  public void normalise(ObjectNode cohort) {
    normaliseGroup(cohort.get("filters"));
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
    CanonicalJson.dropNulls(leaf);
  }
}
