package io.posthoggitops.kinds.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kinds.featureflag.FlagConditions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An experiment's {@code feature_flag}: the release conditions (and experience continuity) of the
 * flag it owns, which PostHog takes on the experiment's write object and shows in its nested flag.
 * Variants stay in {@code parameters}; only the conditions live here.
 */
final class ExperimentFlagConditions {
  static final String FIELD = "feature_flag";
  private static final String CONTINUITY = "ensure_experience_continuity";

  private ExperimentFlagConditions() {}

  /** PostHog's nested flag, cut down to what a document may declare. */
  static void live(ObjectNode raw) {
    JsonNode flag = raw.get(FIELD);
    if (!(flag instanceof ObjectNode nested) || !nested.path("filters").isObject()) {
      raw.remove(FIELD);
      return;
    }
    ObjectNode declared = CanonicalJson.NODES.objectNode();
    declared.putObject("filters").set("groups", nested.path("filters").path("groups").deepCopy());
    if (nested.has(CONTINUITY)) {
      declared.set(CONTINUITY, nested.get(CONTINUITY));
    }
    raw.set(FIELD, declared);
  }

  static void normalise(ObjectNode experiment) {
    FlagConditions.normalise(
        experiment.path(FIELD).path("filters").get("groups"), CanonicalJson.NODES.missingNode());
  }

  /** Only the parts a document declares count: conditions, continuity, or both. */
  static void compareLike(ObjectNode desired, ObjectNode live) {
    JsonNode declared = desired.get(FIELD);
    if (declared != null && live.get(FIELD) instanceof ObjectNode nested) {
      nested.properties().removeIf(e -> !declared.has(e.getKey()));
      if (nested.get("filters") instanceof ObjectNode filters) {
        filters.properties().removeIf(e -> !declared.path("filters").has(e.getKey()));
      }
    }
  }

  /**
   * For export: the conditions PostHog gives a new experiment's flag (one condition for everyone,
   * at the experiment's rollout) and continuity off go without saying.
   */
  static void omitDefaults(ObjectNode experiment) {
    if (!(experiment.get(FIELD) instanceof ObjectNode flag)) {
      return;
    }
    if (!flag.path(CONTINUITY).asBoolean(false)) {
      flag.remove(CONTINUITY);
    }
    JsonNode rollout = experiment.path("parameters").path("rollout_percentage");
    ArrayNode everyone = CanonicalJson.NODES.arrayNode();
    ObjectNode group = everyone.addObject();
    group.putArray("properties");
    group.set(
        "rollout_percentage", rollout.isNumber() ? rollout : CanonicalJson.NODES.numberNode(100));
    if (JsonEquality.same(flag.path("filters").get("groups"), everyone)) {
      flag.remove("filters");
    }
    if (flag.isEmpty()) {
      experiment.remove(FIELD);
    }
  }

  /** The keys of the experiment's variants, in order. */
  static Set<String> variantKeys(JsonNode experiment) {
    Set<String> keys = new LinkedHashSet<>();
    experiment
        .path("parameters")
        .path("feature_flag_variants")
        .forEach(v -> keys.add(v.path("key").asText()));
    return keys;
  }

  /** The fields whose change reaches the owned flag. */
  static final List<String> FLAG_FIELDS = List.of("parameters", FIELD);
}
