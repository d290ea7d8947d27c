package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.plan.Change;
import java.util.Optional;

/**
 * After a POST whose outcome is unknown (502/503/504, no answer), finds out whether PostHog created
 * the object anyway, by reading rather than posting again: a create is looked up by identity in a
 * fresh list, an insight among its dashboard's tiles, a launch or an end by the experiment's dates.
 */
final class UnclearPostRecovery {
  private final PostHogApi api;

  UnclearPostRecovery(PostHogApi api) {
    this.api = api;
  }

  /**
   * @param path the POST's resolved path
   * @param body the POST's resolved body
   * @param ownPath the change's own object path ({@code dashboards/3101/}), or null before it
   *     exists
   * @return what PostHog holds, if the POST took effect
   */
  Optional<ObjectNode> find(Change change, String path, ObjectNode body, String ownPath) {
    if (path.equals(change.kind().resource() + "/")) {
      return byIdentity(change);
    }
    if (ownPath == null) {
      return Optional.empty();
    }
    if (path.equals("insights/")) {
      return insightOnDashboard(ownPath, body.path("name").asText());
    }
    if (path.endsWith("/launch/")) {
      return withDate(ownPath, "start_date");
    }
    if (path.endsWith("/end/")) {
      return withDate(ownPath, "end_date");
    }
    return Optional.empty();
  }

  private Optional<ObjectNode> byIdentity(Change change) {
    String field = change.kind().identityField();
    return api.list(change.kind()).stream()
        .filter(o -> change.identity().equals(o.path(field).asText(null)))
        .filter(o -> !o.path("deleted").asBoolean(false))
        .findFirst();
  }

  private Optional<ObjectNode> insightOnDashboard(String dashboardPath, String name) {
    for (JsonNode tile : api.get(dashboardPath).path("tiles")) {
      JsonNode insight = tile.path("insight");
      if (insight.isObject() && name.equals(insight.path("name").asText(null))) {
        return Optional.of((ObjectNode) insight);
      }
    }
    return Optional.empty();
  }

  private Optional<ObjectNode> withDate(String experimentPath, String field) {
    ObjectNode experiment = api.get(experimentPath);
    return experiment.path(field).isNull() || experiment.path(field).isMissingNode()
        ? Optional.empty()
        : Optional.of(experiment);
  }
}
