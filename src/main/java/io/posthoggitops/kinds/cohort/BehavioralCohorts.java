package io.posthoggitops.kinds.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.ReferenceValue;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a declared cohort has behavioural conditions, itself or through cohorts it includes.
 * PostHog refuses such cohorts in flag targeting ({@code behavioral_cohort_found}), so {@code
 * validate} says so before a plan is applied half-way.
 */
final class BehavioralCohorts {

  private final Function<String, Optional<JsonNode>> declared;

  /**
   * @param declared the fields of the declared cohorts (not tombstones) by name
   */
  BehavioralCohorts(Function<String, Optional<JsonNode>> declared) {
    this.declared = declared;
  }

  boolean isBehavioral(String name, JsonNode cohort) {
    return isBehavioral(name, cohort, new HashSet<>());
  }

  private boolean isBehavioral(String name, JsonNode cohort, Set<String> seen) {
    if (!seen.add(name) || cohort.path("is_static").asBoolean(false)) {
      return false;
    }
    return containsBehavioral(cohort.path("filters"), seen);
  }

  private boolean containsBehavioral(JsonNode node, Set<String> seen) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (containsBehavioral(item, seen)) {
          return true;
        }
      }
      return false;
    }
    if (!node.isObject()) {
      return false;
    }
    String type = node.path("type").asText();
    if (type.equals("behavioral")) {
      return true;
    }
    if (type.equals("cohort")) {
      return ReferenceValue.name(node.get("value"), CohortKind.WORD)
          .flatMap(name -> declared.apply(name).map(target -> isBehavioral(name, target, seen)))
          .orElse(false);
    }
    return containsBehavioral(node.path("values"), seen)
        || containsBehavioral(node.path("properties"), seen);
  }
}
