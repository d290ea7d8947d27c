package io.posthoggitops.kinds.featureflag;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.ObjectShape;
import io.posthoggitops.kind.PropertyOperators;
import java.util.List;

/** The nested parts of a FeatureFlag's {@code filters} (docs/format/feature-flags.md). */
final class FlagShapes {

  private FlagShapes() {}

  static List<ObjectShape> shapes() {
    return List.of(
        ObjectShape.named("FlagFilters", "Release conditions, variants and payloads of a flag.")
            .member(
                "groups",
                listOf(shape("FlagGroup")),
                "Release conditions, OR-ed, evaluated top-down.")
            .member(
                "multivariate",
                shape("Multivariate"),
                "Variants; absent or null for a boolean flag.")
            .member(
                "payloads",
                ANY_MAPPING,
                "Variant key (or \"true\" for a boolean flag) → payload, written as YAML.")
            .member("aggregation_group_type_index", INTEGER, "null = persons, N = group type N.")
            .member("feature_enrollment", BOOLEAN, "Early-access enrollment.")
            .member("early_exit", BOOLEAN, "Stop at the first matching group.")
            .member("holdout", ANY_MAPPING, "Set by experiments: {id, exclusion_percentage}.")
            .member("super_groups", listOf(ANY), "Legacy; written by other PostHog products.")
            .member("holdout_groups", listOf(ANY), "Legacy; written by other PostHog products.")
            .build(),
        ObjectShape.named("FlagGroup", "One release condition: properties AND-ed, then a rollout.")
            .member("properties", listOf(shape("FlagProperty")), "Property filters, AND-ed.")
            .member("rollout_percentage", PERCENTAGE, "0–100; null means 100.")
            .member("variant", STRING, "Variant override: every match gets this variant.")
            .member("aggregation_group_type_index", INTEGER, "Per-group aggregation.")
            .member("description", STRING, "Shown in the PostHog UI.")
            .member("sort_key", NUMBER_OR_TEXT, "Display order key.")
            .build(),
        ObjectShape.named("Multivariate", "Variants of a multivariate flag.")
            .required(
                "variants", listOf(shape("Variant")), "Variants; rollout percentages sum to 100.")
            .build(),
        ObjectShape.named("Variant", "One variant of a multivariate flag.")
            .required("key", STRING, "Variant key: letters, digits, '_', '.', '/', '-'.")
            .member("name", STRING, "Display name.")
            .required("rollout_percentage", PERCENTAGE, "Share of matched users, 0–100.")
            .member("description", STRING, "What the variant shows.")
            .build(),
        ObjectShape.named("FlagProperty", "A property filter of a release condition.")
            .required(
                "key",
                ANY,
                "Property name; `id` for cohorts; {flag: KEY} or an id for flag dependencies.")
            .required(
                "type", oneOf("person", "cohort", "group", "flag"), "What the property belongs to.")
            .member("operator", PropertyOperators.TYPE, "Comparison; default exact.")
            .member(
                "value",
                ANY,
                "Value compared; {cohort: NAME} or an id for cohorts; true/false/variant for flags.")
            .member("group_type_index", INTEGER, "Required for type: group.")
            .member("negation", BOOLEAN, "Negate the match.")
            .member("label", STRING, "Display label.")
            .member("cohort_name", STRING, "Echoed by PostHog for cohorts; never compared.")
            .build());
  }
}
