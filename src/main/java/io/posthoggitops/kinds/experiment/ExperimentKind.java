package io.posthoggitops.kinds.experiment;

import static io.posthoggitops.kind.ValueType.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiReader;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.DescribedKind;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.Listing;
import io.posthoggitops.kind.Ownership;
import io.posthoggitops.kind.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Experiments ({@code experiments/}), identified by the key of the flag they create and own. Their
 * {@code status} is ours, moved forward through PostHog's {@code launch} and {@code end} endpoints.
 * The list shape lacks metrics, so each experiment is read once more on its own.
 */
public final class ExperimentKind extends DescribedKind {

  private static final KindSpec SPEC =
      KindSpec.builder()
          .required("name", STRING, "The experiment's name.")
          .required("feature_flag_key", STRING, "Key of the flag the experiment creates and owns.")
          .field("description", STRING, "\"\"", "The hypothesis.")
          .ours(
              "status",
              oneOf("draft", "running", "stopped"),
              "\"draft\"",
              "Lifecycle; moves forward only (launch, end).")
          .field(
              "parameters",
              shape("ExperimentParameters"),
              null,
              "feature_flag_variants, rollout_percentage, minimum_detectable_effect...")
          .field("metrics", listOf(shape("ExperimentMetric")), "[]", "Primary metrics.")
          .field("metrics_secondary", listOf(shape("ExperimentMetric")), "[]", "Secondary metrics.")
          .field(
              "exposure_criteria",
              ANY_MAPPING,
              "{\"filterTestAccounts\": true}",
              "Who counts as exposed.")
          .field("stats_config", ANY_MAPPING, "{\"method\": \"bayesian\"}", "Statistics method.")
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
          .field("excluded_variants", listOf(STRING), "null", "Variants left out of results.")
          .field("scheduling_config", ANY_MAPPING, "null", "Scheduling settings.")
          .server(KindSpec.COMMON_SERVER_FIELDS)
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
          .build();

  private static final Ownership FLAG = new ExperimentFlag();

  /** Declared after the tables it is built from, which static initialisation needs. */
  public static final ExperimentKind KIND = new ExperimentKind();

  private ExperimentKind() {
    super(
        describe("Experiment", "feature_flag_key", "experiments", SPEC)
            .shapes(ExperimentShapes.shapes())
            .form(new ExperimentForm())
            .listing(Listing.pages().alsoArchived().completedBy("metrics")));
  }

  @Override
  public void check(DocumentRules document) {
    ExperimentChecks.check(document);
  }

  /** Shapes without {@code feature_flag_key} name the key in their nested {@code feature_flag}. */
  @Override
  public String identityOf(ObjectNode raw) {
    JsonNode key = raw.get(identityField());
    if (key == null || key.isNull()) {
      key = raw.path("feature_flag").get("key");
    }
    return key == null || key.isNull() ? "" : key.asText();
  }

  @Override
  public Optional<Ownership> ownership() {
    return Optional.of(FLAG);
  }

  @Override
  public List<Problem> refusedUpdate(ObjectNode before, ObjectNode after) {
    return ExperimentLifecycle.refusal(
        name() + "/" + after.path(identityField()).asText(), before, after);
  }

  @Override
  public List<ApiRequest> extraRequests(
      ChangeAction action,
      String objectPath,
      ObjectNode live,
      ObjectNode before,
      ObjectNode after) {
    return ExperimentLifecycle.moves(objectPath, before, after);
  }

  @Override
  public Optional<ObjectNode> recoverUnclearPost(
      ApiRequest request, String ownPath, ApiReader api) {
    return ExperimentLifecycle.recover(request.path(), ownPath, api);
  }
}
