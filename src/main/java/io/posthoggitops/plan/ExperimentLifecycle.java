package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment's {@code status} (ours: draft, running, stopped) moves forward only, through
 * PostHog's lifecycle endpoints: {@code launch/} sets the start date and activates the flag, {@code
 * end/} sets the end date. It is never sent as a field.
 */
public final class ExperimentLifecycle {
  private static final List<String> ORDER = List.of("draft", "running", "stopped");
  private static final List<String> ENDPOINTS = List.of("launch", "end");

  private ExperimentLifecycle() {}

  /**
   * The lifecycle POSTs from the live status to the desired one.
   *
   * @param experimentPath {@code experiments/77/} or {@code experiments/{id}/}
   * @param before canonical live experiment, null for a create (a draft)
   */
  public static List<ApiRequest> moves(String experimentPath, ObjectNode before, ObjectNode after) {
    int from = rank(before);
    int to = rank(after);
    if (to < from) {
      throw new UserError(
          ("Experiment \"%s\": status cannot go back from %s to %s; PostHog experiments move forward only"
                  + " (draft → running → stopped). Declare status: %s, or create a new experiment.")
              .formatted(
                  after.path("feature_flag_key").asText(),
                  ORDER.get(from),
                  ORDER.get(to),
                  ORDER.get(from)));
    }
    List<ApiRequest> moves = new ArrayList<>();
    for (int step = from; step < to; step++) {
      moves.add(
          ApiRequest.post(
              experimentPath + ENDPOINTS.get(step) + "/", JsonNodeFactory.instance.objectNode()));
    }
    return moves;
  }

  /** Whether moving from {@code from} to {@code to} goes backwards (a plan-time error). */
  public static boolean isBackward(String from, String to) {
    return ORDER.indexOf(orDraft(to)) < ORDER.indexOf(orDraft(from));
  }

  private static int rank(ObjectNode experiment) {
    String status = experiment == null ? "draft" : orDraft(experiment.path("status").asText(null));
    int rank = ORDER.indexOf(status);
    if (rank < 0) {
      throw new IllegalArgumentException("unknown experiment status " + status);
    }
    return rank;
  }

  private static String orDraft(String status) {
    return status == null || status.isEmpty() ? "draft" : status;
  }
}
