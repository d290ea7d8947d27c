package io.posthoggitops.kinds.featureflag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;
import io.posthoggitops.kind.CanonicalJson;

/**
 * Feature flags: PostHog adds per-group aggregation indexes, empty property lists and {@code
 * cohort_name}s, stores payloads as JSON strings and may answer {@code 50.0} for {@code 50}
 * (docs/how-plan-decides.md). Both sides are brought to one shape here.
 */
final class FeatureFlagForm implements CanonicalForm {
  private static final String AGGREGATION = "aggregation_group_type_index";

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
    FlagConditions.normalise(filters.get("groups"), flagAggregation);
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
