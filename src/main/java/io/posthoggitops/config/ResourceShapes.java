package io.posthoggitops.config;

import static io.posthoggitops.config.ValueType.*;

import java.util.List;

/** The nested parts of actions, experiments and dashboards (CONTRACT.md §3.2, §4.2, §5.3). */
final class ResourceShapes {

  private static final ValueType MATCHING = oneOf("contains", "regex", "exact");

  private ResourceShapes() {}

  static List<ObjectShape> shapes() {
    return List.of(
        ObjectShape.named("ActionStep", "One way to match the action; steps are OR-ed.")
            .member("event", STRING, "Event name, e.g. $pageview or $autocapture.")
            .member(
                "properties", listOf(shape("EventProperty")), "Event or person property filters.")
            .member("selector", STRING, "CSS selector of the element.")
            .member("tag_name", STRING, "HTML tag name.")
            .member("text", STRING, "Element text.")
            .member("text_matching", MATCHING, "How text matches.")
            .member("href", STRING, "Link target.")
            .member("href_matching", MATCHING, "How href matches.")
            .member("url", STRING, "Page URL.")
            .member("url_matching", MATCHING, "How url matches (PostHog defaults to contains).")
            .build(),
        ObjectShape.named("EventProperty", "A property filter of an action step.")
            .required("key", STRING, "Property name.")
            .member("value", ANY, "Value compared.")
            .member(
                "operator",
                new Scalar(ScalarKind.STRING, FlagShapes.OPERATORS, null, null),
                "Comparison; default exact.")
            .member(
                "type",
                oneOf("event", "person", "element", "session", "hogql", "group"),
                "What the property belongs to.")
            .member("group_type_index", INTEGER, "For type: group.")
            .build(),
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
        ObjectShape.named("ExperimentMetric", "An ExperimentMetric query (PostHog's format).")
            .member("kind", oneOf("ExperimentMetric"), "Always ExperimentMetric.")
            .member(
                "metric_type", oneOf("mean", "funnel", "ratio", "retention"), "What is measured.")
            .member("name", STRING, "Display name.")
            .open()
            .build(),
        ObjectShape.named("DashboardTile", "An insight tile or a text tile.")
            .member("insight", shape("Insight"), "An insight shown on this dashboard.")
            .member("text", STRING, "Markdown body of a text tile.")
            .member(
                "layouts",
                ANY_MAPPING,
                "{sm: {x, y, w, h}, xs: {...}}; compared only where declared.")
            .member("color", STRING, "Tile colour.")
            .member("show_description", BOOLEAN, "Show the insight's description.")
            .member("transparent_background", BOOLEAN, "Transparent tile background.")
            .member("filters_overrides", ANY_MAPPING, "Filters applied to this tile only.")
            .build(),
        ObjectShape.named(
                "Insight",
                "An insight that lives on the dashboard; its name is its identity there.")
            .required("name", STRING, "The insight's name, unique within the dashboard.")
            .member("description", STRING, "What the insight shows.")
            .required(
                "query",
                ANY_MAPPING,
                "The insight query, e.g. {kind: InsightVizNode, source: {kind: TrendsQuery, ...}}.")
            .build());
  }
}
