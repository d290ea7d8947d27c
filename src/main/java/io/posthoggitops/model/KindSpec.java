package io.posthoggitops.model;

import static io.posthoggitops.model.FieldSpec.FieldType.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.posthoggitops.model.FieldSpec.FieldType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind described as data: its writable top-level fields with PostHog's defaults (from the API
 * contract), and the read-only fields PostHog adds. Validation, the JSON Schema, normalisation and
 * export all read these tables, so they cannot disagree about what a field is.
 */
public record KindSpec(Kind kind, Map<String, FieldSpec> fields, Set<String> serverFields) {

  /** Keys of ours that any document may carry besides PostHog's fields. */
  public static final List<String> COMMON_KEYS =
      List.of("kind", "id", "deleted", "ignore_changes", "environments", "only");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Kind, KindSpec> SPECS = new EnumMap<>(Kind.class);

  public static KindSpec of(Kind kind) {
    return SPECS.get(kind);
  }

  public Optional<FieldSpec> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  private static JsonNode json(String literal) {
    try {
      return JSON.readTree(literal);
    } catch (Exception e) {
      throw new IllegalStateException("bad default " + literal, e);
    }
  }

  private static final class Builder {
    private final Kind kind;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final List<String> server = new ArrayList<>();

    Builder(Kind kind) {
      this.kind = kind;
    }

    Builder field(String name, FieldType type, String defaultJson, String description) {
      JsonNode dflt = defaultJson == null ? null : json(defaultJson);
      fields.put(name, new FieldSpec(name, type, dflt, false, List.of(), description));
      return this;
    }

    Builder required(String name, FieldType type, String description) {
      fields.put(name, new FieldSpec(name, type, null, true, List.of(), description));
      return this;
    }

    Builder choice(String name, String defaultValue, List<String> allowed, String description) {
      JsonNode dflt =
          defaultValue == null
              ? JsonNodeFactory.instance.nullNode()
              : json('"' + defaultValue + '"');
      fields.put(name, new FieldSpec(name, STRING, dflt, false, allowed, description));
      return this;
    }

    Builder server(String... names) {
      server.addAll(List.of(names));
      return this;
    }

    void register() {
      SPECS.put(kind, new KindSpec(kind, Collections.unmodifiableMap(fields), Set.copyOf(server)));
    }
  }

  private static final String[] COMMON_SERVER = {
    "id",
    "created_at",
    "created_by",
    "updated_at",
    "last_modified_by",
    "last_modified_at",
    "user_access_level",
    "can_edit",
    "effective_restriction_level",
    "effective_privilege_level",
    "access_control_version",
    "search_match_type",
    "last_viewed_at",
    "last_accessed_at",
    "last_refresh",
    "is_cached",
    "team_id",
    "folder",
    "_create_in_folder"
  };

  static {
    new Builder(Kind.FEATURE_FLAG)
        .required("key", STRING, "The flag key used by SDKs; letters, digits, '-' and '_'.")
        .field("name", STRING, "\"\"", "PostHog's 'name' is the flag's description.")
        .required("filters", OBJECT, "Release conditions, variants and payloads.")
        .field("active", BOOLEAN, "true", "Whether the flag is enabled.")
        .field("archived", BOOLEAN, "false", "Archive the flag (requires active: false).")
        .field(
            "ensure_experience_continuity",
            BOOLEAN,
            "false",
            "Persist flag values across authentication steps.")
        .choice(
            "evaluation_runtime",
            "all",
            List.of("server", "client", "all"),
            "Where the flag is evaluated.")
        .choice(
            "bucketing_identifier",
            "distinct_id",
            List.of("distinct_id", "device_id"),
            "What rollout hashing uses.")
        .field("is_remote_configuration", BOOLEAN, "false", "A remote-config flag (payload only).")
        .field(
            "has_encrypted_payloads",
            BOOLEAN,
            "false",
            "Payloads are encrypted (remote config only).")
        .field("has_enriched_analytics", BOOLEAN, "false", "Enriched analytics for this flag.")
        .field("tags", STRING_ARRAY, "[]", "Tags (stored only with PostHog's tagging feature).")
        .field("evaluation_contexts", STRING_ARRAY, "[]", "Evaluation contexts (paid feature).")
        .field(
            "analytics_dashboards",
            INTEGER_ARRAY,
            null,
            "Dashboard ids; PostHog only ever adds to this list.")
        .server(COMMON_SERVER)
        .server(
            "version",
            "status",
            "experiment_set",
            "experiment_set_metadata",
            "surveys",
            "features",
            "usage_dashboard",
            "last_called_at",
            "is_used_in_replay_settings",
            "is_eligible_for_experiment",
            "is_simple_flag",
            "rollout_percentage",
            "evaluation_tags",
            "rollback_conditions",
            "performed_rollback",
            "deleted",
            "creation_context")
        .register();
    new Builder(Kind.COHORT)
        .required("name", STRING, "The cohort's name (its identity here).")
        .field("description", STRING, "\"\"", "What the cohort holds.")
        .field(
            "filters",
            OBJECT,
            "null",
            "Nested AND/OR groups of person, cohort and behavioral leaves.")
        .field("is_static", BOOLEAN, "false", "A static cohort (members uploaded, not computed).")
        .field("query", ANY, "null", "Static cohorts only: an ActorsQuery or HogQLQuery.")
        .server(COMMON_SERVER)
        .server(
            "groups",
            "cohort_type",
            "is_calculating",
            "count",
            "version",
            "pending_version",
            "last_calculation",
            "errors_calculating",
            "last_error_message",
            "last_backfill_person_properties_at",
            "experiment_set",
            "deleted")
        .register();
    new Builder(Kind.ACTION)
        .required("name", STRING, "The action's name (unique among live actions).")
        .field("description", STRING, "\"\"", "What the action matches.")
        .field("steps", ARRAY, "[]", "Match steps, OR-ed.")
        .field("post_to_slack", BOOLEAN, "false", "Post matches to Slack.")
        .field("slack_message_format", STRING, "\"\"", "Slack message template.")
        .field(
            "pinned",
            BOOLEAN,
            "false",
            "Pinned in the UI (PostHog's pinned_at, compared as pinned or not).")
        .field("tags", STRING_ARRAY, "[]", "Tags (stored only with PostHog's tagging feature).")
        .server(COMMON_SERVER)
        .server(
            "pinned_at",
            "is_calculating",
            "is_action",
            "bytecode_error",
            "creation_context",
            "last_calculated_at",
            "deleted",
            "reference_count")
        .register();
    new Builder(Kind.EXPERIMENT)
        .required("name", STRING, "The experiment's name.")
        .required("feature_flag_key", STRING, "Key of the flag the experiment creates and owns.")
        .field("description", STRING, "\"\"", "The hypothesis.")
        .choice(
            "status",
            "draft",
            List.of("draft", "running", "stopped"),
            "Lifecycle; moves forward only (launch, end).")
        .field(
            "parameters",
            OBJECT,
            null,
            "feature_flag_variants, rollout_percentage, minimum_detectable_effect...")
        .field("metrics", ARRAY, "[]", "Primary metrics (ExperimentMetric).")
        .field("metrics_secondary", ARRAY, "[]", "Secondary metrics.")
        .field(
            "exposure_criteria", OBJECT, "{\"filterTestAccounts\": true}", "Who counts as exposed.")
        .field("stats_config", OBJECT, "{\"method\": \"bayesian\"}", "Statistics method.")
        .field("holdout_id", INTEGER, "null", "Holdout group id.")
        .field("archived", BOOLEAN, "false", "Archive an ended experiment.")
        .choice("type", "product", List.of("web", "product"), "Experiment type.")
        .field("conclusion", STRING, "null", "won, lost, inconclusive, stopped_early or invalid.")
        .field("conclusion_comment", STRING, "null", "Why it concluded so.")
        .field(
            "only_count_matured_users",
            BOOLEAN,
            null,
            "Count only users past the conversion window.")
        .field("excluded_variants", STRING_ARRAY, "null", "Variants left out of results.")
        .field("scheduling_config", OBJECT, "null", "Scheduling settings.")
        .server(COMMON_SERVER)
        .server(
            "feature_flag",
            "holdout",
            "exposure_cohort",
            "running_time_calculation",
            "secondary_metrics",
            "saved_metrics",
            "saved_metrics_ids",
            "filters",
            "start_date",
            "end_date",
            "primary_metrics_ordered_uuids",
            "secondary_metrics_ordered_uuids",
            "flag_cleanup_task_id",
            "is_legacy",
            "can_freeze_exposure",
            "deleted")
        .register();
    new Builder(Kind.DASHBOARD)
        .required("name", STRING, "The dashboard's name.")
        .field("description", STRING, "\"\"", "What the dashboard shows.")
        .field("pinned", BOOLEAN, "false", "Pinned in the sidebar.")
        .field("tags", STRING_ARRAY, "[]", "Tags (stored only with PostHog's tagging feature).")
        .field(
            "filters", OBJECT, null, "Dashboard-level filters (PostHog cannot clear them with {}).")
        .field("restriction_level", INTEGER, null, "21 everyone can edit, 37 only collaborators.")
        .field(
            "tiles",
            ARRAY,
            "[]",
            "Insight tiles {insight: {name, description, query}, layouts} and text tiles {text, layouts}.")
        .server(COMMON_SERVER)
        .server(
            "creation_mode",
            "is_shared",
            "persisted_filters",
            "persisted_variables",
            "variables",
            "breakdown_colors",
            "data_color_theme_id",
            "quick_filter_ids",
            "deleted")
        .register();
  }
}
