package io.posthoggitops.kinds.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiReader;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kind.LiveId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What apply learns from a dashboard's writes: the tile an inserted insight lands on (so the {@code
 * tiles} PATCH can lay it out), whether an insight POST without a clear answer took effect, and
 * whether PostHog kept the layouts it was sent.
 */
final class DashboardWrites {
  static final String INSIGHTS = "insights/";

  private DashboardWrites() {}

  /**
   * PostHog's answer to {@code POST insights/} lists the new tile under {@code dashboard_tiles}; an
   * answer without that field (older versions, API-key callers without {@code include_dashboards})
   * is completed by reading the dashboard.
   */
  static Map<String, LiveId> tileOfInsight(
      ApiRequest request, ObjectNode answer, String dashboard, LiveId dashboardId, ApiReader api) {
    if (!INSIGHTS.equals(request.path()) || dashboardId == null) {
      return Map.of();
    }
    String address = TileReference.address(dashboard, DashboardForm.insightName(request.body()));
    for (JsonNode tile : answer.path("dashboard_tiles")) {
      if (dashboardId.matches(tile.path("dashboard_id"))) {
        return Map.of(address, new LiveId(tile.path("id").asText()));
      }
    }
    String insightId = answer.path("id").asText();
    for (JsonNode tile : api.get(ownPath(dashboardId)).path("tiles")) {
      if (tile.path("insight").path("id").asText().equals(insightId)
          && !tile.path("deleted").asBoolean(false)) {
        return Map.of(address, new LiveId(tile.path("id").asText()));
      }
    }
    return Map.of();
  }

  /** After an insight POST without a clear answer: the insight, if the dashboard shows it. */
  static Optional<ObjectNode> insightOnDashboard(
      ApiRequest request, String dashboardPath, ApiReader api) {
    if (!INSIGHTS.equals(request.path())) {
      return Optional.empty();
    }
    String name = DashboardForm.insightName(request.body());
    for (JsonNode tile : api.get(dashboardPath).path("tiles")) {
      JsonNode insight = tile.path("insight");
      if (insight.isObject() && name != null && name.equals(DashboardForm.insightName(insight))) {
        return Optional.of((ObjectNode) insight);
      }
    }
    return Optional.empty();
  }

  /** Tiles sent by id (or as new text) whose answer shows other layouts. */
  static List<String> layoutsNotStored(ObjectNode sent, ObjectNode answer) {
    List<String> missing = new ArrayList<>();
    for (JsonNode entry : sent.path("tiles")) {
      if (!entry.has("layouts")) {
        continue;
      }
      JsonNode stored = storedTile(entry, answer.path("tiles"));
      if (stored != null && !JsonEquality.holds(entry.get("layouts"), stored.get("layouts"))) {
        missing.add("layouts of tile " + stored.path("id").asText());
      }
    }
    return missing;
  }

  private static JsonNode storedTile(JsonNode entry, JsonNode storedTiles) {
    for (JsonNode tile : storedTiles) {
      boolean sameId = entry.has("id") && tile.path("id").asLong() == entry.path("id").asLong();
      boolean sameText =
          entry.has("text")
              && entry
                  .path("text")
                  .path("body")
                  .asText()
                  .equals(tile.path("text").path("body").asText(null));
      if (sameId || sameText) {
        return tile;
      }
    }
    return null;
  }

  private static String ownPath(LiveId dashboardId) {
    return DashboardKind.KIND.resource() + "/" + dashboardId + "/";
  }
}
