package io.posthoggitops.kinds.featureflag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.PropertyOperators;
import java.util.List;

/**
 * The canonical form of a flag's release conditions ({@code filters.groups}), wherever they are
 * declared: on a FeatureFlag, or on the Experiment that owns its flag. PostHog adds empty property
 * lists, per-group aggregation indexes and {@code cohort_name}s, accepts operator aliases and
 * leaves operators (and, in older rows, types) out; both sides are brought to one shape.
 */
public final class FlagConditions {
  private static final String AGGREGATION = "aggregation_group_type_index";
  private static final List<String> INJECTED_LEAF_KEYS = List.of("cohort_name", "group_key_names");

  private FlagConditions() {}

  /**
   * Normalises the groups in place.
   *
   * @param flagAggregation the flag-level aggregation index groups without their own inherit, or a
   *     missing node
   */
  public static void normalise(JsonNode groups, JsonNode flagAggregation) {
    if (groups != null) {
      groups.forEach(group -> normaliseGroup(group, flagAggregation));
    }
  }

  private static void normaliseGroup(JsonNode node, JsonNode flagAggregation) {
    if (!(node instanceof ObjectNode group)) {
      return;
    }
    if (!group.path("properties").isArray()) {
      group.set("properties", CanonicalJson.NODES.arrayNode());
    }
    if (group.path("variant").isTextual() && group.get("variant").asText().isEmpty()) {
      group.remove("variant"); // PostHog reads a blank override as none
    }
    if (!group.has(AGGREGATION)) {
      group.set(
          AGGREGATION,
          flagAggregation.isMissingNode() ? CanonicalJson.NODES.nullNode() : flagAggregation);
    }
    JsonNode aggregation = group.get(AGGREGATION);
    group.get("properties").forEach(leaf -> normaliseLeaf(leaf, aggregation));
    CanonicalJson.dropNulls(group);
  }

  private static void normaliseLeaf(JsonNode node, JsonNode aggregation) {
    if (!(node instanceof ObjectNode leaf)) {
      return;
    }
    leaf.remove(INJECTED_LEAF_KEYS);
    if (!leaf.path("type").isTextual()) {
      // Older rows hold properties without a type; PostHog matches them against what the
      // condition aggregates by, so that is the type written back.
      if (aggregation.isIntegralNumber()) {
        leaf.put("type", "group");
        if (!leaf.has("group_type_index")) {
          leaf.set("group_type_index", aggregation);
        }
      } else {
        leaf.put("type", "person");
      }
    }
    if (leaf.path("key").isNumber()) {
      leaf.put("key", leaf.get("key").asText());
    }
    if (leaf.path("operator").isTextual()) {
      leaf.put("operator", PropertyOperators.canonical(leaf.get("operator").asText()));
    }
    if (leaf.path("operator").isNull() || leaf.path("operator").isMissingNode()) {
      leaf.put("operator", defaultOperator(leaf.path("type").asText()));
    }
    if (!leaf.path("negation").asBoolean(false)) {
      leaf.remove("negation");
    }
    CanonicalJson.dropNulls(leaf);
  }

  private static String defaultOperator(String type) {
    return switch (type) {
      case "cohort" -> "in";
      case "flag" -> "flag_evaluates_to";
      default -> "exact";
    };
  }
}
