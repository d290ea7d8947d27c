package io.posthoggitops.kinds.featureflag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;
import io.posthoggitops.kind.CanonicalJson;
import java.util.List;
import java.util.Map;

/**
 * Feature flags: PostHog adds per-group aggregation indexes, empty property lists and {@code
 * cohort_name}s, stores payloads as JSON strings and may answer {@code 50.0} for {@code 50}
 * (docs/how-plan-decides.md). Both sides are brought to one shape here.
 */
final class FeatureFlagForm implements CanonicalForm {
  private static final String AGGREGATION = "aggregation_group_type_index";
  private static final List<String> INJECTED_LEAF_KEYS = List.of("cohort_name", "group_key_names");
  private static final Map<String, String> OPERATOR_ALIASES = Map.of("min", "gte", "max", "lte");

  @Override
  public void normalise(ObjectNode flag) {
    normaliseFilters(flag.get("filters"), flag.path("is_remote_configuration").asBoolean(false));
  }

  @Override
  public void api(ObjectNode body) {
    JsonNode payloads = body.path("filters").path("payloads");
    if (payloads.isObject()) {
      ObjectNode encoded = (ObjectNode) payloads;
      encoded
          .properties()
          .forEach(e -> e.setValue(CanonicalJson.NODES.textNode(CanonicalJson.text(e.getValue()))));
    }
  }

  /** A remote-config flag always serves: PostHog adds a 100 % group and bumps 0 or unset to 100. */
  private static void remoteConfigurationGroups(ArrayNode groups) {
    if (groups.isEmpty()) {
      groups.addObject().putArray("properties");
    }
    groups.forEach(
        g -> {
          JsonNode rollout = g.path("rollout_percentage");
          if (!rollout.isNumber() || rollout.doubleValue() == 0) {
            ((ObjectNode) g).put("rollout_percentage", 100);
          }
        });
  }

  private static void normaliseFilters(JsonNode node, boolean remoteConfiguration) {
    if (!(node instanceof ObjectNode filters)) {
      return;
    }
    JsonNode flagAggregation = filters.path(AGGREGATION);
    if (!filters.path("groups").isArray()) {
      filters.set("groups", CanonicalJson.NODES.arrayNode());
    }
    filters.get("groups").forEach(group -> normaliseGroup(group, flagAggregation));
    if (remoteConfiguration) {
      remoteConfigurationGroups((ArrayNode) filters.get("groups"));
    }
    deriveFlagAggregation(filters);
    normalisePayloads(filters);
    JsonNode variants = filters.path("multivariate").path("variants");
    variants.forEach(v -> CanonicalJson.dropNulls((ObjectNode) v));
    CanonicalJson.dropNulls(filters);
  }

  /**
   * A flag without its own aggregation index whose conditions all aggregate by one group type:
   * PostHog derives the flag's index from them, so both sides carry it.
   */
  private static void deriveFlagAggregation(ObjectNode filters) {
    JsonNode groups = filters.get("groups");
    if (!filters.path(AGGREGATION).isNull() && filters.has(AGGREGATION) || groups.isEmpty()) {
      return;
    }
    JsonNode first = groups.get(0).path(AGGREGATION);
    for (JsonNode group : groups) {
      if (!group.path(AGGREGATION).isIntegralNumber()
          || group.path(AGGREGATION).asLong() != first.asLong()) {
        return;
      }
    }
    filters.set(AGGREGATION, first.deepCopy());
  }

  private static void normaliseGroup(JsonNode node, JsonNode flagAggregation) {
    if (!(node instanceof ObjectNode group)) {
      return;
    }
    if (!group.path("properties").isArray()) {
      group.set("properties", CanonicalJson.NODES.arrayNode());
    }
    group.get("properties").forEach(FeatureFlagForm::normaliseLeaf);
    if (group.path("variant").isTextual() && group.get("variant").asText().isEmpty()) {
      group.remove("variant"); // PostHog reads a blank override as none
    }
    if (!group.has(AGGREGATION)) {
      group.set(
          AGGREGATION,
          flagAggregation.isMissingNode() ? CanonicalJson.NODES.nullNode() : flagAggregation);
    }
    CanonicalJson.dropNulls(group);
  }

  private static void normaliseLeaf(JsonNode node) {
    if (!(node instanceof ObjectNode leaf)) {
      return;
    }
    leaf.remove(INJECTED_LEAF_KEYS);
    if (leaf.path("key").isNumber()) {
      leaf.put("key", leaf.get("key").asText());
    }
    String alias = OPERATOR_ALIASES.get(leaf.path("operator").asText());
    if (alias != null) {
      leaf.put("operator", alias);
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

  private static void normalisePayloads(ObjectNode filters) {
    JsonNode payloads = filters.path("payloads");
    if (!payloads.isObject()) {
      return;
    }
    ((ObjectNode) payloads)
        .properties()
        .forEach(e -> e.setValue(CanonicalJson.parsedString(e.getValue())));
    if (payloads.isEmpty()) {
      filters.remove("payloads");
    }
  }
}
