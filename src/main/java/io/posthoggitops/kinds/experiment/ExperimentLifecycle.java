package io.posthoggitops.kinds.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiReader;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An experiment's {@code status} (ours: draft, running, stopped) moves forward only, through
 * PostHog's lifecycle endpoints: {@code launch/} sets the start date and activates the flag, {@code
 * end/} sets the end date. It is never sent as a field.
 */
final class ExperimentLifecycle {
  private static final List<String> ORDER = List.of("draft", "running", "stopped");
  private static final List<String> ENDPOINTS = List.of("launch", "end");
  private static final List<String> DATES = List.of("start_date", "end_date");

  private ExperimentLifecycle() {}

  /** draft until started, running until ended, then stopped. */
  static String status(JsonNode raw) {
    if (isUnset(raw.path("start_date"))) {
      return ORDER.get(0);
    }
    return isUnset(raw.path("end_date")) ? ORDER.get(1) : ORDER.get(2);
  }

  /**
   * The lifecycle POSTs from the live status to the desired one; none backwards, which the plan
   * refuses before any request is built ({@link #refusal}).
   *
   * @param experimentPath {@code experiments/77/} or {@code experiments/{id}/}
   * @param before canonical live experiment, null for a create (a draft)
   */
  static List<ApiRequest> moves(String experimentPath, ObjectNode before, ObjectNode after) {
    List<ApiRequest> moves = new ArrayList<>();
    for (int step = rank(before); step < rank(after); step++) {
      moves.add(
          ApiRequest.post(
              experimentPath + ENDPOINTS.get(step) + "/", CanonicalJson.NODES.objectNode()));
    }
    return moves;
  }

  /** A move back, which PostHog cannot make (none when the status is not compared). */
  static List<Problem> refusal(String address, ObjectNode before, ObjectNode after) {
    if (!after.has("status") || rank(after) >= rank(before)) {
      return List.of();
    }
    String from = ORDER.get(rank(before));
    String to = ORDER.get(rank(after));
    return List.of(
        new Problem(
            "/status",
            ("%s is %s in PostHog and cannot move back to %s; experiments only move forward"
                    + " (draft → running → stopped). Set status: %s, or declare a new experiment"
                    + " with another feature_flag_key")
                .formatted(address, from, to, from)));
  }

  /** After a launch or end POST without a clear answer: the experiment, if its date is set. */
  static Optional<ObjectNode> recover(String path, String ownPath, ApiReader api) {
    for (int step = 0; step < ENDPOINTS.size(); step++) {
      if (path.endsWith("/" + ENDPOINTS.get(step) + "/")) {
        ObjectNode experiment = api.get(ownPath);
        return isUnset(experiment.path(DATES.get(step)))
            ? Optional.empty()
            : Optional.of(experiment);
      }
    }
    return Optional.empty();
  }

  private static int rank(ObjectNode experiment) {
    String status = experiment == null ? null : experiment.path("status").asText(null);
    int rank = status == null || status.isEmpty() ? 0 : ORDER.indexOf(status);
    return Math.max(rank, 0);
  }

  private static boolean isUnset(JsonNode date) {
    return date.isNull() || date.isMissingNode() || date.asText().isEmpty();
  }
}
