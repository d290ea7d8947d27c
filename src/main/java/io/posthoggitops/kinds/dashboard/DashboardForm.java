package io.posthoggitops.kinds.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;
import io.posthoggitops.kind.CanonicalJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Dashboards hold their tiles inline: {@code {insight: {name, description, query}, layouts}} or
 * {@code {text: BODY, layouts}}, ordered by layout (as PostHog lists them) then name. {@code
 * layouts} count only where declared, since people drag tiles around in the UI.
 */
final class DashboardForm implements CanonicalForm {
  static final String DERIVED = "derived_name";

  /** Tile settings compared only where declared, as layouts are. */
  static final List<String> SETTINGS = List.of("color", "show_description");

  @Override
  public void desired(ObjectNode fields) {
    JsonNode tiles = fields.get("tiles");
    if (tiles != null && tiles.isArray()) {
      ArrayNode canonical = CanonicalJson.NODES.arrayNode();
      tiles.forEach(tile -> canonical.add(desiredTile(tile)));
      fields.set("tiles", canonical);
    }
  }

  @Override
  public void live(ObjectNode raw) {
    if (raw.has("persisted_filters")) {
      JsonNode stored = raw.get("persisted_filters");
      raw.set("filters", stored.isNull() ? CanonicalJson.NODES.objectNode() : stored);
    }
    ArrayNode tiles = CanonicalJson.NODES.arrayNode();
    raw.path("tiles").forEach(tile -> liveTile(tile, tiles));
    raw.set("tiles", tiles);
  }

  @Override
  public void normalise(ObjectNode dashboard) {
    if (dashboard.get("tiles") instanceof ArrayNode tiles) {
      dashboard.set("tiles", sorted(tiles));
    }
  }

  @Override
  public List<String> compareLike(ObjectNode desired, ObjectNode live) {
    JsonNode declared = desired.path("tiles");
    List<JsonNode> unmatched = new ArrayList<>();
    List<String> notStored = new ArrayList<>();
    declared.forEach(unmatched::add);
    for (JsonNode tile : live.path("tiles")) {
      JsonNode twin =
          unmatched.stream().filter(d -> name(d).equals(name(tile))).findFirst().orElse(null);
      unmatched.remove(twin);
      if (layoutsNotStored(tile, twin)) {
        ((ObjectNode) tile).set("layouts", twin.get("layouts").deepCopy());
        notStored.add("layouts of tile `" + name(tile) + "`");
      }
      keepDeclaredLayouts((ObjectNode) tile, twin == null ? null : twin.get("layouts"));
      for (String setting : SETTINGS) {
        if (twin == null || !twin.has(setting)) {
          ((ObjectNode) tile).remove(setting);
        }
      }
      if (twin != null) {
        CanonicalJson.keepDeclared(
            tile.path("insight").get("query"), twin.path("insight").get("query"));
        nameAsDeclared(tile.path("insight"), twin.path("insight"));
      }
    }
    if (live.get("tiles") instanceof ArrayNode tiles) {
      live.set("tiles", sorted(tiles));
    }
    return notStored;
  }

  /**
   * An unnamed live insight declared by the name PostHog derived for it (as earlier exports wrote
   * it) is the same insight.
   */
  private static void nameAsDeclared(JsonNode live, JsonNode declared) {
    if (live instanceof ObjectNode insight && insight.has(DERIVED) && declared.has("name")) {
      insight.set("name", insight.remove(DERIVED));
    }
  }

  /**
   * Declared layouts on a tile PostHog holds with none: PostHog keeps a tile's layouts once set
   * (apply sets them right after placing the tile), so an empty value means it did not take them.
   */
  private static boolean layoutsNotStored(JsonNode liveTile, JsonNode twin) {
    return twin != null
        && twin.path("layouts").isObject()
        && !twin.path("layouts").isEmpty()
        && CanonicalJson.isEmpty(liveTile.get("layouts"));
  }

  @Override
  public void omitDefaults(ObjectNode canonical) {
    canonical
        .path("tiles")
        .forEach(
            tile -> {
              if (tile.path("insight") instanceof ObjectNode insight
                  && "".equals(insight.path("description").asText(null))) {
                insight.remove("description");
              }
            });
  }

  private static void keepDeclaredLayouts(ObjectNode tile, JsonNode declaredLayouts) {
    if (declaredLayouts == null || !declaredLayouts.isObject()) {
      tile.remove("layouts");
      return;
    }
    if (tile.get("layouts") instanceof ObjectNode layouts) {
      layouts.properties().removeIf(e -> !declaredLayouts.has(e.getKey()));
    }
  }

  private static ObjectNode desiredTile(JsonNode tile) {
    ObjectNode out = CanonicalJson.NODES.objectNode();
    JsonNode insight = tile.get("insight");
    if (insight != null && insight.isObject()) {
      out.set("insight", insight(insight));
    } else {
      JsonNode text = tile.path("text");
      out.set("text", text.isObject() ? text.path("body") : text);
    }
    JsonNode layouts = tile.get("layouts");
    if (layouts != null && !layouts.isNull()) {
      out.set("layouts", layouts);
    }
    copySettings(tile, out);
    return out;
  }

  /** A tile's colour and description setting, when it has them. */
  private static void copySettings(JsonNode tile, ObjectNode out) {
    for (String setting : SETTINGS) {
      JsonNode value = tile.get(setting);
      if (value != null && !value.isNull()) {
        out.set(setting, value);
      }
    }
  }

  /** Button tiles and widgets are not declared here: they are neither compared nor removed. */
  private static void liveTile(JsonNode tile, ArrayNode into) {
    if (!isManagedTile(tile)) {
      return;
    }
    ObjectNode out = CanonicalJson.NODES.objectNode();
    if (tile.path("insight").isObject()) {
      out.set("insight", insight(tile.get("insight")));
    } else {
      out.set("text", tile.get("text").path("body"));
    }
    if (!CanonicalJson.isEmpty(tile.get("layouts"))) {
      out.set("layouts", tile.get("layouts"));
    }
    copySettings(tile, out);
    into.add(out);
  }

  /**
   * An insight by its name, or, when it has none, by the name PostHog derives for it, kept as
   * {@code derived_name} so that recreating it leaves it unnamed as it was.
   */
  private static ObjectNode insight(JsonNode insight) {
    ObjectNode out = CanonicalJson.NODES.objectNode();
    if (isSet(insight.path("name"))) {
      out.put("name", insight.get("name").asText());
    } else if (isSet(insight.path(DERIVED))) {
      out.put(DERIVED, insight.get(DERIVED).asText());
    } else {
      out.putNull("name");
    }
    JsonNode description = insight.path("description");
    out.put("description", description.isTextual() ? description.asText() : "");
    out.set(
        "query",
        insight.path("query").isMissingNode()
            ? CanonicalJson.NODES.nullNode()
            : insight.get("query"));
    return out;
  }

  /**
   * An insight's name; an unnamed insight goes by the name PostHog derives for it (what the UI
   * shows), so it can be exported, declared and matched.
   */
  static String insightName(JsonNode insight) {
    if (isSet(insight.path("name"))) {
      return insight.get("name").asText();
    }
    return isSet(insight.path(DERIVED)) ? insight.get(DERIVED).asText() : null;
  }

  private static boolean isSet(JsonNode text) {
    return text.isTextual() && !text.asText().isBlank();
  }

  /** Whether a live tile is one this tool manages: an insight or a text tile, not deleted. */
  static boolean isManagedTile(JsonNode tile) {
    if (tile.path("deleted").asBoolean(false)) {
      return false;
    }
    JsonNode insight = tile.path("insight");
    return insight.isObject()
        ? !insight.path("deleted").asBoolean(false)
        : tile.path("text").isObject();
  }

  /** The tile's name for matching and ordering: the insight's name or the text body. */
  static String name(JsonNode tile) {
    if (!tile.has("insight")) {
      return tile.path("text").asText("");
    }
    String name = insightName(tile.get("insight"));
    return name == null ? "" : name;
  }

  private static ArrayNode sorted(ArrayNode tiles) {
    List<JsonNode> list = new ArrayList<>();
    tiles.forEach(list::add);
    list.sort(
        Comparator.comparingInt((JsonNode t) -> position(t, "y"))
            .thenComparingInt(t -> position(t, "x"))
            .thenComparing(DashboardForm::name));
    ArrayNode out = CanonicalJson.NODES.arrayNode();
    list.forEach(out::add);
    return out;
  }

  private static int position(JsonNode tile, String axis) {
    JsonNode value = tile.path("layouts").path("sm").path(axis);
    return value.isNumber() ? value.intValue() : Integer.MAX_VALUE;
  }
}
