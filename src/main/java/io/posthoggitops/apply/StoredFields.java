package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.plan.SameValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what a write sent with what PostHog's answer holds (DESIGN.md §3): PostHog silently
 * drops some fields (tags without the tagging feature, tile layouts), and a field it did not store
 * must be reported, not re-planned forever. PostHog adds keys of its own, so the answer only has to
 * hold what was sent: numbers compare numerically, JSON strings (payloads) as JSON, tags as sets.
 */
final class StoredFields {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Write-only or differently shaped in the answer; tiles are checked one by one. */
  private static final Set<String> NOT_ECHOED = Set.of("delete_insights", "dashboards", "tiles");

  private StoredFields() {}

  /** Names of sent top-level fields (and tiles' layouts) the answer does not hold. */
  static List<String> notStored(ObjectNode sent, ObjectNode answer) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : sent.properties()) {
      String name = field.getKey();
      if (NOT_ECHOED.contains(name) || !answer.has(name)) {
        continue;
      }
      boolean held =
          "tags".equals(name)
              ? SameValue.same(name, field.getValue(), answer.get(name))
              : holds(field.getValue(), answer.get(name));
      if (!held) {
        missing.add(name);
      }
    }
    missing.addAll(tileLayoutsNotStored(sent.path("tiles"), answer.path("tiles")));
    return missing;
  }

  static boolean holds(JsonNode sent, JsonNode stored) {
    if (sent == null || sent.isNull()) {
      return stored == null || stored.isNull() || stored.isMissingNode();
    }
    if (stored == null || stored.isMissingNode() || stored.isNull()) {
      return false;
    }
    if (sent.isObject()) {
      return stored.isObject() && objectHeld(sent, stored);
    }
    if (sent.isArray()) {
      return stored.isArray() && sent.size() == stored.size() && elementsHeld(sent, stored);
    }
    if (sent.isNumber() || stored.isNumber()) {
      return sameNumber(sent.asText(), stored.asText());
    }
    if (sent.isTextual() && stored.isTextual() && !sent.asText().equals(stored.asText())) {
      return sameJson(sent.asText(), stored.asText());
    }
    return sent.equals(stored);
  }

  private static boolean objectHeld(JsonNode sent, JsonNode stored) {
    for (Map.Entry<String, JsonNode> field : sent.properties()) {
      if (!holds(field.getValue(), stored.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean elementsHeld(JsonNode sent, JsonNode stored) {
    for (int i = 0; i < sent.size(); i++) {
      if (!holds(sent.get(i), stored.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameNumber(String a, String b) {
    try {
      return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  private static boolean sameJson(String a, String b) {
    try {
      return SameValue.same(JSON.readTree(a), JSON.readTree(b));
    } catch (IOException e) {
      return false;
    }
  }

  /** Tiles sent by id (or as new text) whose answer shows other layouts. */
  private static List<String> tileLayoutsNotStored(JsonNode sentTiles, JsonNode storedTiles) {
    List<String> missing = new ArrayList<>();
    for (JsonNode entry : sentTiles) {
      if (!entry.has("layouts")) {
        continue;
      }
      JsonNode stored = storedTile(entry, storedTiles);
      if (stored != null && !holds(entry.get("layouts"), stored.get("layouts"))) {
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
}
