package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether a declared cohort has behavioural conditions, itself or through cohorts it includes.
 * PostHog refuses such cohorts in flag targeting ({@code behavioral_cohort_found}), so {@code
 * validate} says so before a plan is applied half-way.
 */
final class BehavioralCohorts {

  private final Map<String, Declaration> declared;

  BehavioralCohorts(Map<String, Declaration> declared) {
    this.declared = declared;
  }

  boolean isBehavioral(Declaration cohort) {
    return isBehavioral(cohort, new HashSet<>());
  }

  private boolean isBehavioral(Declaration cohort, Set<String> seen) {
    if (!seen.add(cohort.identity()) || cohort.fields().path("is_static").asBoolean(false)) {
      return false;
    }
    return containsBehavioral(cohort.fields().path("filters"), seen);
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
      return ReferenceValue.name(node.get("value"), "cohort")
          .map(name -> declared.get(Kind.COHORT.yamlName() + "/" + name))
          .filter(target -> !target.tombstone())
          .map(target -> isBehavioral(target, seen))
          .orElse(false);
    }
    return containsBehavioral(node.path("values"), seen)
        || containsBehavioral(node.path("properties"), seen);
  }
}
