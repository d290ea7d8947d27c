package io.posthoggitops.kinds.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;
import io.posthoggitops.kind.CanonicalJson;
import java.util.List;

/**
 * Experiments: {@code status} is ours, derived from {@code start_date}/{@code end_date}; PostHog
 * fills metric {@code uuid}/{@code fingerprint}, echoes each variant's {@code split_percent} and
 * projects flag settings back into {@code parameters} (docs/how-plan-decides.md). Omitted {@code
 * parameters} mean PostHog's default variants.
 */
final class ExperimentForm implements CanonicalForm {
  private static final List<String> METRIC_FIELDS = List.of("metrics", "metrics_secondary");
  private static final List<String> SERVER_METRIC_KEYS = List.of("uuid", "fingerprint");

  /** Flag settings PostHog copies into {@code parameters} on read. */
  private static final List<String> FLAG_PROJECTIONS =
      List.of(
          "rollout_percentage",
          "aggregation_group_type_index",
          "payloads",
          "ensure_experience_continuity");

  @Override
  public void live(ObjectNode raw) {
    raw.put("status", ExperimentLifecycle.status(raw));
    ExperimentFlagConditions.live(raw);
  }

  /**
   * PostHog adds team defaults to {@code stats_config}, refreshes names and dates inside metrics
   * and projects the flag's settings into {@code parameters}: those count only as far as declared.
   */
  @Override
  public List<String> compareLike(ObjectNode desired, ObjectNode live) {
    for (String field :
        List.of("stats_config", "exposure_criteria", "metrics", "metrics_secondary")) {
      CanonicalJson.keepDeclared(live.get(field), desired.get(field));
    }
    ExperimentFlagConditions.compareLike(desired, live);
    if (live.get("parameters") instanceof ObjectNode parameters) {
      JsonNode declared = desired.path("parameters");
      FLAG_PROJECTIONS.stream().filter(k -> !declared.has(k)).forEach(parameters::remove);
    }
    return List.of();
  }

  @Override
  public void omitDefaults(ObjectNode canonical) {
    ObjectNode defaults = CanonicalJson.NODES.objectNode();
    defaults.set("feature_flag_variants", defaultVariants());
    if (CanonicalJson.normalise(defaults).equals(canonical.get("parameters"))) {
      canonical.remove("parameters");
    }
    ExperimentFlagConditions.omitDefaults(canonical);
  }

  @Override
  public void normalise(ObjectNode experiment) {
    ExperimentFlagConditions.normalise(experiment);
    JsonNode parameters = experiment.get("parameters");
    experiment.set("parameters", parameters(parameters));
    for (String field : METRIC_FIELDS) {
      JsonNode metrics = experiment.get(field);
      if (metrics != null && metrics.isNull()) {
        experiment.set(field, CanonicalJson.NODES.arrayNode());
      } else if (metrics != null) {
        metrics.forEach(m -> CanonicalJson.dropKeysShallow(m, SERVER_METRIC_KEYS));
      }
    }
  }

  private static ObjectNode parameters(JsonNode given) {
    ObjectNode parameters =
        given instanceof ObjectNode object ? object : CanonicalJson.NODES.objectNode();
    if (!parameters.path("feature_flag_variants").isArray()) {
      parameters.set("feature_flag_variants", defaultVariants());
    }
    parameters.get("feature_flag_variants").forEach(ExperimentForm::normaliseVariant);
    if (parameters.path("rollout_percentage").isNumber()
        && parameters.get("rollout_percentage").doubleValue() == 100.0) {
      parameters.remove("rollout_percentage");
    }
    CanonicalJson.dropNulls(parameters);
    return parameters;
  }

  /**
   * PostHog lower-cases the baseline's key and reads a legacy {@code split_percent} as the rollout.
   */
  private static void normaliseVariant(JsonNode node) {
    if (!(node instanceof ObjectNode variant)) {
      return;
    }
    if ("control".equalsIgnoreCase(variant.path("key").asText())) {
      variant.put("key", "control");
    }
    JsonNode split = variant.remove("split_percent");
    if (!variant.has("rollout_percentage") && split != null) {
      variant.set("rollout_percentage", split);
    }
    CanonicalJson.dropNulls(variant);
  }

  /** What PostHog creates when an experiment names no variants. */
  private static ArrayNode defaultVariants() {
    ArrayNode variants = CanonicalJson.NODES.arrayNode();
    variants
        .addObject()
        .put("key", "control")
        .put("name", "Control Group")
        .put("rollout_percentage", 50);
    variants
        .addObject()
        .put("key", "test")
        .put("name", "Test Variant")
        .put("rollout_percentage", 50);
    return variants;
  }
}
