package io.posthoggitops.kinds.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kind.PendingReference;
import io.posthoggitops.kind.ReferenceIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The requests that make a dashboard's live tiles match its declared ones
 * (docs/format/dashboards.md): insight tiles are created from the insight side ({@code POST
 * insights/} with {@code dashboards}), text tiles, layouts and removals go through one {@code
 * tiles} PATCH of the dashboard, and an insight that lived only on this dashboard is soft-deleted
 * with its tile. Declared tiles are matched to live ones by insight name or text body.
 */
final class DashboardTiles {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> INSIGHT_FIELDS =
      List.of("name", DashboardForm.DERIVED, "description", "query");

  private final String identity;
  private final String dashboardPath;
  private final JsonNode dashboardRef;
  private final Long dashboardId;
  private final List<JsonNode> unmatched = new ArrayList<>();
  private final JsonNode beforeTiles;
  private final ReferenceIds ids;

  /**
   * @param live the dashboard as PostHog returned it (tile and insight ids), null for a create
   * @param before the canonical live dashboard, null for a create
   */
  DashboardTiles(
      String identity, String dashboardPath, ObjectNode live, ObjectNode before, ReferenceIds ids) {
    this.identity = identity;
    this.ids = ids;
    this.dashboardPath = dashboardPath;
    this.dashboardId = live == null ? null : live.path("id").asLong();
    this.dashboardRef =
        live == null
            ? PendingReference.placeholder(DashboardKind.KIND, identity)
            : JSON.numberNode(dashboardId);
    if (live != null) {
      live.path("tiles")
          .forEach(
              tile -> {
                if (DashboardForm.isManagedTile(tile)) {
                  unmatched.add(tile);
                }
              });
    }
    this.beforeTiles = before == null ? JSON.arrayNode() : before.path("tiles");
  }

  List<ApiRequest> requestsFor(ObjectNode after) {
    List<ApiRequest> requests = new ArrayList<>();
    ArrayNode tilePatch = JSON.arrayNode();
    List<JsonNode> newTexts = new ArrayList<>();
    for (JsonNode tile : after.path("tiles")) {
      if (tile.has("insight")) {
        insightTile(tile, requests, tilePatch);
      } else if (tile.has("text") && !sameTextTile(tile, tilePatch)) {
        newTexts.add(tile);
      }
    }
    newTexts.forEach(tile -> textTile(tile, tilePatch));
    List<ApiRequest> insightDeletes = new ArrayList<>();
    for (JsonNode removed : unmatched) {
      tilePatch.add(JSON.objectNode().put("id", removed.path("id").asLong()).put("deleted", true));
      liveOnlyHere(removed.path("insight")).ifPresent(insightDeletes::add);
    }
    if (!tilePatch.isEmpty()) {
      ObjectNode body = JSON.objectNode();
      body.set("tiles", tilePatch);
      requests.add(ApiRequest.patch(dashboardPath, body));
    }
    requests.addAll(insightDeletes);
    return requests;
  }

  private void insightTile(JsonNode tile, List<ApiRequest> requests, ArrayNode tilePatch) {
    JsonNode insight = tile.get("insight");
    String name = DashboardForm.name(tile);
    Optional<JsonNode> live =
        take(
            t ->
                t.path("insight").isObject()
                    && name.equals(DashboardForm.insightName(t.path("insight"))));
    if (live.isEmpty()) {
      requests.add(ApiRequest.post("insights/", newInsight(insight)));
      ObjectNode settings = newTileSettings(tile);
      if (!settings.isEmpty()) {
        ObjectNode entry = JSON.objectNode();
        entry.set("id", TileReference.placeholder(identity, name));
        tilePatch.add(entry.setAll(settings));
      }
      return;
    }
    ObjectNode changed =
        JsonEquality.changedFields(liveInsight(name, live.get()), insightFields(insight));
    if (!changed.isEmpty()) {
      requests.add(
          ApiRequest.patch(
              "insights/" + live.get().path("insight").path("id").asLong() + "/",
              withIds(changed)));
    }
    settingsChange(tile, live.get()).ifPresent(tilePatch::add);
  }

  /** A declared text tile whose body a live tile already has: at most a layout change. */
  private boolean sameTextTile(JsonNode tile, ArrayNode tilePatch) {
    String body = tile.path("text").asText();
    Optional<JsonNode> live = take(t -> body.equals(t.path("text").path("body").asText(null)));
    live.flatMap(l -> settingsChange(tile, l)).ifPresent(tilePatch::add);
    return live.isPresent();
  }

  /**
   * A text tile with a new body: a live text tile no declaration kept is edited in place (same
   * tile, colour and position; PostHog updates the text by its id), else a new tile is added.
   */
  private void textTile(JsonNode tile, ArrayNode tilePatch) {
    String body = tile.path("text").asText();
    Optional<JsonNode> reused = take(t -> t.path("text").isObject());
    ObjectNode entry =
        reused.isPresent()
            ? settingsChange(tile, reused.get()).orElseGet(JSON::objectNode)
            : newTileSettings(tile);
    ObjectNode text = JSON.objectNode();
    reused.ifPresent(
        l -> {
          entry.put("id", l.path("id").asLong());
          text.put("id", l.path("text").path("id").asLong());
        });
    text.put("body", body);
    entry.set("text", text);
    tilePatch.add(entry);
  }

  /**
   * Layouts, colour and description setting compare only where declared (people drag tiles in the
   * UI); undeclared sizes are kept.
   */
  private static Optional<ObjectNode> settingsChange(JsonNode tile, JsonNode live) {
    JsonNode declared = tile.path("layouts");
    JsonNode current = live.path("layouts");
    ObjectNode merged = current.isObject() ? ((ObjectNode) current).deepCopy() : JSON.objectNode();
    boolean layoutsDiffer = false;
    for (var size : declared.properties()) {
      layoutsDiffer |= !JsonEquality.same(size.getValue(), current.get(size.getKey()));
      merged.set(size.getKey(), size.getValue().deepCopy());
    }
    ObjectNode entry = JSON.objectNode().put("id", live.path("id").asLong());
    if (layoutsDiffer) {
      entry.set("layouts", merged);
    }
    for (String setting : DashboardForm.SETTINGS) {
      if (tile.has(setting) && !JsonEquality.same(tile.get(setting), live.get(setting))) {
        entry.set(setting, tile.get(setting).deepCopy());
      }
    }
    return entry.size() > 1 ? Optional.of(entry) : Optional.empty();
  }

  /** What a new tile declares besides its content: layouts, colour, description setting. */
  private static ObjectNode newTileSettings(JsonNode tile) {
    ObjectNode entry = JSON.objectNode();
    if (tile.has("layouts")) {
      entry.set("layouts", tile.get("layouts").deepCopy());
    }
    DashboardForm.SETTINGS.stream()
        .filter(tile::has)
        .forEach(s -> entry.set(s, tile.get(s).deepCopy()));
    return entry;
  }

  private ObjectNode newInsight(JsonNode insight) {
    ObjectNode body = withIds(insightFields(insight));
    body.putArray("dashboards").add(dashboardRef.deepCopy());
    return body;
  }

  /** An insight's fields with the references in its query as ids, as the dashboard's slots say. */
  private ObjectNode withIds(ObjectNode insight) {
    ObjectNode document = JSON.objectNode();
    document.putArray("tiles").addObject().set("insight", insight);
    return (ObjectNode) ids.toIds(document).path("tiles").path(0).path("insight");
  }

  private static ObjectNode insightFields(JsonNode insight) {
    ObjectNode fields = JSON.objectNode();
    INSIGHT_FIELDS.stream()
        .filter(insight::has)
        .forEach(f -> fields.set(f, insight.get(f).deepCopy()));
    return fields;
  }

  /** The canonical live insight (normalised query) when the plan has it, else the raw one. */
  private ObjectNode liveInsight(String name, JsonNode liveTile) {
    for (JsonNode tile : beforeTiles) {
      if (tile.has("insight") && name.equals(DashboardForm.name(tile))) {
        return insightFields(tile.get("insight"));
      }
    }
    return insightFields(liveTile.path("insight"));
  }

  /** A soft delete of a removed tile's insight, when no other dashboard shows it. */
  private Optional<ApiRequest> liveOnlyHere(JsonNode insight) {
    if (!insight.isObject() || !onlyOn(insight, dashboardId)) {
      return Optional.empty();
    }
    return Optional.of(
        ApiRequest.patch(
            "insights/" + insight.path("id").asLong() + "/",
            JSON.objectNode().put("deleted", true)));
  }

  private static boolean onlyOn(JsonNode insight, Long dashboardId) {
    List<Long> dashboards = new ArrayList<>();
    if (insight.has("dashboard_tiles")) {
      insight
          .get("dashboard_tiles")
          .forEach(
              t -> {
                if (!t.path("deleted").asBoolean(false)) {
                  dashboards.add(t.path("dashboard_id").asLong());
                }
              });
    } else {
      insight.path("dashboards").forEach(d -> dashboards.add(d.asLong()));
    }
    return dashboards.stream().allMatch(d -> d.equals(dashboardId));
  }

  private Optional<JsonNode> take(Predicate<JsonNode> matches) {
    for (int i = 0; i < unmatched.size(); i++) {
      if (matches.test(unmatched.get(i))) {
        return Optional.of(unmatched.remove(i));
      }
    }
    return Optional.empty();
  }
}
