package io.posthoggitops.kinds.featureflag;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.DescribedKind;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.FieldSpec.Canon;
import io.posthoggitops.kind.ForeignKey;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.Listing;
import io.posthoggitops.kind.ReferenceSlot;
import io.posthoggitops.kind.ReferenceSlot.Purpose;
import io.posthoggitops.kind.Usage;
import java.util.List;
import java.util.Optional;

/**
 * Feature flags ({@code feature_flags/}), identified by {@code key}. Release conditions may target
 * cohorts ({@code {cohort: NAME}}) and depend on other flags ({@code {flag: KEY}}); archived flags
 * are listed apart, since PostHog hides them from the default list.
 */
public final class FeatureFlagKind extends DescribedKind {

  private static final KindSpec SPEC =
      KindSpec.builder()
          .required("key", STRING, "The flag key used by SDKs; letters, digits, '-' and '_'.")
          .field("name", STRING, "\"\"", "PostHog's 'name' is the flag's description.")
          .required("filters", shape("FlagFilters"), "Release conditions, variants and payloads.")
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
          .field(
              "is_remote_configuration", BOOLEAN, "false", "A remote-config flag (payload only).")
          .field(
              "has_encrypted_payloads",
              BOOLEAN,
              "false",
              "Payloads are encrypted (remote config only).")
          .field("has_enriched_analytics", BOOLEAN, "false", "Enriched analytics for this flag.")
          .stringSet(
              "tags",
              Canon.LOWER_CASE_SET,
              "tagging",
              "Tags (stored only with PostHog's tagging feature).")
          .stringSet(
              "evaluation_contexts", Canon.SET, "tagging", "Evaluation contexts (paid feature).")
          .field(
              "analytics_dashboards",
              listOf(INTEGER),
              null,
              "Dashboard ids; PostHog only ever adds to this list.")
          .server(KindSpec.COMMON_SERVER_FIELDS)
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
          .build();

  private static final List<ReferenceSlot> REFERENCES =
      List.of(
          ReferenceSlot.leafOfType("filters", "cohort", "value", "cohort", Purpose.TARGETING),
          ReferenceSlot.leafOfType("filters", "flag", "key", "flag", Purpose.OTHER)
              .writtenAsText());

  /** Keys other PostHog products write into a flag's filters. */
  private static final List<ForeignKey> FOREIGN =
      List.of(
          new ForeignKey("flag", "/filters/super_groups"),
          new ForeignKey("flag", "/filters/holdout_groups"),
          new ForeignKey("flag", "/filters/holdout"));

  private static final Usage USAGE = new FlagUsage();

  /** Declared after the tables it is built from, which static initialisation needs. */
  public static final FeatureFlagKind KIND = new FeatureFlagKind();

  private FeatureFlagKind() {
    super(
        describe("FeatureFlag", "key", "feature_flags", SPEC)
            .referredToAs("flag")
            .shapes(FlagShapes.shapes())
            .references(REFERENCES)
            .form(new FeatureFlagForm())
            .listing(Listing.pages().alsoArchived()));
  }

  @Override
  public void check(DocumentRules document) {
    FlagChecks.check(document);
  }

  @Override
  public List<ForeignKey> foreignKeys() {
    return FOREIGN;
  }

  @Override
  public Optional<Usage> usage() {
    return Optional.of(USAGE);
  }

  /** PostHog's approval policies gate enabling, disabling and rollout changes of flags. */
  @Override
  public String approvalResourceType() {
    return "feature_flag";
  }
}
