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
import io.posthoggitops.kind.ReferenceIds;
import io.posthoggitops.kind.ReferenceSlot;
import io.posthoggitops.kind.ReferenceSlot.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
          .field(
              "feature_flag",
              shape("ExperimentFlag"),
              null,
              "The release conditions of the flag it owns: {filters: {groups: [...]}}.")
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

  /**
   * References in the release conditions of its flag, as on a FeatureFlag, and the actions its
   * metrics and exposure count ({@code {kind: ActionsNode, id: {action: NAME}}}).
   */
  private static final List<ReferenceSlot> REFERENCES =
      List.of(
          ReferenceSlot.leafOfType("feature_flag", "cohort", "value", "cohort", Purpose.TARGETING),
          ReferenceSlot.leafOfType("feature_flag", "flag", "key", "flag", Purpose.OTHER)
              .writtenAsText(),
          ReferenceSlot.actionsNode("metrics"),
          ReferenceSlot.actionsNode("metrics_secondary"),
          ReferenceSlot.actionsNode("exposure_criteria"));

  /** Declared after the tables it is built from, which static initialisation needs. */
  public static final ExperimentKind KIND = new ExperimentKind();

  private ExperimentKind() {
    super(
        describe("Experiment", "feature_flag_key", "experiments", SPEC)
            .shapes(ExperimentShapes.shapes())
            .references(REFERENCES)
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
    String address = name() + "/" + after.path(identityField()).asText();
    List<Problem> problems = new ArrayList<>(ExperimentLifecycle.refusal(address, before, after));
    Set<String> live = ExperimentFlagConditions.variantKeys(before);
    Set<String> declared = ExperimentFlagConditions.variantKeys(after);
    if (!isDraft(before) && after.has("parameters") && !live.equals(declared)) {
      problems.add(
          new Problem(
              "/parameters/feature_flag_variants",
              ("%s has launched, and PostHog cannot change an experiment's variant keys after"
                      + " launch (%s in PostHog, %s declared); keep the keys, or declare a new"
                      + " experiment with another feature_flag_key")
                  .formatted(address, String.join(", ", live), String.join(", ", declared))));
    }
    return problems;
  }

  /**
   * Once an experiment has launched, PostHog keeps its flag's variants and conditions unless the
   * PATCH asks it to carry the change over (a draft always syncs them).
   */
  @Override
  public void completeUpdate(ObjectNode patch, ObjectNode before, ObjectNode after) {
    boolean reachesFlag = ExperimentFlagConditions.FLAG_FIELDS.stream().anyMatch(patch::has);
    if (reachesFlag && !isDraft(before)) {
      patch.put("update_feature_flag_params", true);
    }
  }

  private static boolean isDraft(ObjectNode experiment) {
    return "draft".equals(experiment.path("status").asText("draft"));
  }

  @Override
  public List<ApiRequest> extraRequests(
      ChangeAction action,
      String objectPath,
      ObjectNode live,
      ObjectNode before,
      ObjectNode after,
      ReferenceIds ids) {
    return ExperimentLifecycle.moves(objectPath, before, after);
  }

  @Override
  public Optional<ObjectNode> recoverUnclearPost(
      ApiRequest request, String ownPath, ApiReader api) {
    return ExperimentLifecycle.recover(request.path(), ownPath, api);
  }
}
