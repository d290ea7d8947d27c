package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.model.Kind;
import io.posthoggitops.plan.RequestBuilder;
import java.util.Optional;

/**
 * The tile an insight just created landed on, so the dashboard's {@code tiles} PATCH can lay it
 * out. PostHog's answer lists it under {@code dashboard_tiles}; an answer without that field (older
 * versions, API-key callers without {@code include_dashboards}) is completed by reading the
 * dashboard.
 */
final class InsightTiles {

  private InsightTiles() {}

  static Optional<Long> tileOf(ObjectNode insight, long dashboardId, PostHogApi api) {
    for (JsonNode tile : insight.path("dashboard_tiles")) {
      if (tile.path("dashboard_id").asLong() == dashboardId) {
        return Optional.of(tile.path("id").asLong());
      }
    }
    long insightId = insight.path("id").asLong();
    for (JsonNode tile :
        api.get(RequestBuilder.objectPath(Kind.DASHBOARD, dashboardId)).path("tiles")) {
      if (tile.path("insight").path("id").asLong() == insightId
          && !tile.path("deleted").asBoolean(false)) {
        return Optional.of(tile.path("id").asLong());
      }
    }
    return Optional.empty();
  }
}
