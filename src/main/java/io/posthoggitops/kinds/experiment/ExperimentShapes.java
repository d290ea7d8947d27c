package io.posthoggitops.kinds.experiment;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.ObjectShape;
import java.util.List;

/**
 * The nested parts of an Experiment: parameters, variants, metrics (docs/format/experiments.md).
 */
final class ExperimentShapes {

  private ExperimentShapes() {}

  static List<ObjectShape> shapes() {
    return List.of(
        ObjectShape.named("ExperimentParameters", "Variants and rollout of the experiment's flag.")
            .member(
                "feature_flag_variants",
                listOf(shape("ExperimentVariant")),
                "2–20 variants including control.")
            .member("rollout_percentage", PERCENTAGE, "Share of users in the experiment, 0–100.")
            .member("aggregation_group_type_index", INTEGER, "null = persons, N = group type N.")
            .member("minimum_detectable_effect", NUMBER, "Minimum detectable effect, in percent.")
            .member("recommended_running_time", NUMBER, "Days, as computed by the PostHog UI.")
            .member("recommended_sample_size", NUMBER, "Users, as computed by the PostHog UI.")
            .member("custom_exposure_filter", ANY_MAPPING, "Legacy exposure filter.")
            .member("variant_notes", ANY_MAPPING, "Notes per variant.")
            .build(),
        ObjectShape.named("ExperimentVariant", "One variant of an experiment.")
            .required("key", STRING, "Variant key; one must be `control`.")
            .member("name", STRING, "Display name.")
            .member("rollout_percentage", PERCENTAGE, "Share of the experiment's users, 0–100.")
            .member("split_percent", PERCENTAGE, "PostHog's read-side copy of rollout_percentage.")
            .build(),
        ObjectShape.named("ExperimentFlag", "What the experiment sets on the flag it owns.")
            .member("filters", shape("ExperimentFlagFilters"), "The flag's release conditions.")
            .member(
                "ensure_experience_continuity",
                BOOLEAN,
                "Persist the flag's value across authentication steps.")
            .build(),
        ObjectShape.named("ExperimentFlagFilters", "Release conditions of the experiment's flag.")
            .member(
                "groups",
                listOf(shape("FlagGroup")),
                "Release conditions, OR-ed, as on a FeatureFlag; variants come from parameters.")
            .build(),
        ObjectShape.named("ExperimentMetric", "An ExperimentMetric query (PostHog's format).")
            .member("kind", oneOf("ExperimentMetric"), "Always ExperimentMetric.")
            .member(
                "metric_type", oneOf("mean", "funnel", "ratio", "retention"), "What is measured.")
            .member("name", STRING, "Display name.")
            .open()
            .build());
  }
}
