package io.posthoggitops.kinds.featureflag;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.kind.Suggestions;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of FeatureFlag documents that PostHog itself enforces (docs/format/feature-flags.md):
 * key characters, archiving, experience continuity, variants, payloads and variant overrides,
 * operators that fit their property type.
 */
public final class FlagChecks {

  /** What PostHog allows in a flag key. */
  public static final Pattern FLAG_KEY = Pattern.compile("^[a-zA-Z0-9_-]+$");

  /** The longest flag key PostHog stores. */
  public static final int MAX_KEY = 400;

  private static final String AGGREGATION = "aggregation_group_type_index";

  private FlagChecks() {}

  static void check(DocumentRules doc) {
    checkKey(doc);
    checkArchived(doc);
    checkContinuity(doc);
    JsonNode filters = doc.fields().path("filters");
    if (!filters.isObject()) {
      return;
    }
    Set<String> variants =
        VariantChecks.check(doc, "/filters/multivariate/variants", "rollout_percentage");
    boolean multivariate = filters.path("multivariate").path("variants").isArray();
    checkPayloads(doc, filters.path("payloads"), multivariate, variants);
    checkConditions(doc, "/filters", multivariate, variants);
  }

  /**
   * The release conditions under {@code pointer} (a flag's {@code filters}, or an experiment's
   * {@code feature_flag.filters}), each against how it aggregates.
   */
  public static void checkConditions(
      DocumentRules doc, String pointer, boolean multivariate, Set<String> variants) {
    JsonNode filters = doc.fields().at(pointer);
    JsonNode groups = filters.path("groups");
    JsonNode flagLevel = filters.path(AGGREGATION);
    for (int i = 0; groups.isArray() && i < groups.size(); i++) {
      JsonNode group = groups.get(i);
      JsonNode aggregation = group.has(AGGREGATION) ? group.get(AGGREGATION) : flagLevel;
      Integer groupType = aggregation.isIntegralNumber() ? aggregation.asInt() : null;
      checkGroup(doc, group, pointer + "/groups/" + i, multivariate, variants, groupType);
    }
  }

  private static void checkKey(DocumentRules doc) {
    checkKey(doc, "/key");
  }

  /** A flag key as PostHog allows it, at {@code pointer} (a flag's key, an experiment's). */
  public static void checkKey(DocumentRules doc, String pointer) {
    String key = doc.identity();
    if (!FLAG_KEY.matcher(key).matches()) {
      doc.errorAtValue(
          pointer, "flag key `" + key + "` may contain only letters, digits, '_' and '-'.");
    } else if (key.length() > MAX_KEY) {
      doc.errorAtValue(
          pointer,
          "a flag key holds at most " + MAX_KEY + " characters, not " + key.length() + ".");
    }
  }

  private static void checkArchived(DocumentRules doc) {
    JsonNode archived = doc.fields().path("archived");
    JsonNode active = doc.fields().path("active");
    if (archived.asBoolean(false)
        && archived.isBoolean()
        && !(active.isBoolean() && !active.asBoolean())) {
      doc.errorAtValue(
          "/archived",
          "`archived: true` requires `active: false`; PostHog cannot archive an"
              + " enabled flag.");
    }
  }

  private static void checkContinuity(DocumentRules doc) {
    if (doc.fields().path("ensure_experience_continuity").asBoolean(false)
        && doc.fields().path("bucketing_identifier").asText().equals("device_id")) {
      doc.errorAtValue(
          "/ensure_experience_continuity",
          "`ensure_experience_continuity: true` does not work"
              + " with `bucketing_identifier: device_id`; PostHog refuses the pair, drop one of them.");
    }
  }

  private static void checkPayloads(
      DocumentRules doc, JsonNode payloads, boolean multivariate, Set<String> variants) {
    if (!payloads.isObject()) {
      return;
    }
    for (Iterator<String> it = payloads.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String pointer = FieldPath.member("/filters/payloads", key);
      if (multivariate && !variants.contains(key)) {
        doc.errorAtKey(
            pointer, "payload `" + key + "` names no variant of this flag" + hint(key, variants));
      } else if (!multivariate && !key.equals("true")) {
        doc.errorAtKey(
            pointer, "a boolean flag has one payload, under the key \"true\", not `" + key + "`.");
      }
    }
  }

  private static void checkGroup(
      DocumentRules doc,
      JsonNode group,
      String pointer,
      boolean multivariate,
      Set<String> variants,
      Integer groupType) {
    JsonNode variant = group.path("variant");
    if (variant.isTextual()
        && !variant.asText().isEmpty()
        && !variants.contains(variant.asText())) {
      doc.errorAtValue(
          pointer + "/variant",
          multivariate
              ? "variant override `"
                  + variant.asText()
                  + "` names no variant of this flag"
                  + hint(variant.asText(), variants)
              : "variant override `"
                  + variant.asText()
                  + "` on a flag without variants; declare"
                  + " filters.multivariate.variants or remove the override.");
    }
    JsonNode properties = group.path("properties");
    for (int j = 0; properties.isArray() && j < properties.size(); j++) {
      checkProperty(doc, properties.get(j), pointer + "/properties/" + j);
      ConditionChecks.check(doc, properties.get(j), pointer + "/properties/" + j, groupType);
    }
  }

  private static void checkProperty(DocumentRules doc, JsonNode property, String pointer) {
    String type = property.path("type").asText();
    String operator = property.path("operator").asText();
    if ((operator.equals("in") || operator.equals("not_in")) && !type.equals("cohort")) {
      doc.errorAtValue(
          pointer + "/operator",
          "operator `"
              + operator
              + "` is only for `type: cohort`;"
              + " for a list of values use `exact` (or `is_not`).");
    }
    if (operator.equals("flag_evaluates_to") && !type.equals("flag")) {
      doc.errorAtValue(
          pointer + "/operator", "operator `flag_evaluates_to` is only for `type: flag`.");
    }
    if (type.equals("group") && !property.has("group_type_index")) {
      doc.errorAtKey(pointer, "a `type: group` property needs `group_type_index`.");
    }
  }

  private static String hint(String name, Set<String> variants) {
    String suggestion = Suggestions.didYouMean(name, variants);
    return suggestion.isEmpty() ? "; variants: " + String.join(", ", variants) + "." : suggestion;
  }
}
