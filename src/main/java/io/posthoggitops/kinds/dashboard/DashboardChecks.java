package io.posthoggitops.kinds.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DocumentRules;
import java.util.HashMap;
import java.util.Map;

/** The checks specific to Dashboard documents: what each tile holds (docs/format/dashboards.md). */
final class DashboardChecks {

  private DashboardChecks() {}

  static void check(DocumentRules doc) {
    JsonNode tiles = doc.fields().path("tiles");
    Map<String, Integer> insightNames = new HashMap<>();
    for (int i = 0; tiles.isArray() && i < tiles.size(); i++) {
      JsonNode tile = tiles.get(i);
      String pointer = "/tiles/" + i;
      if (tile.isObject() && tile.has("insight") == tile.has("text")) {
        doc.errorAtKey(pointer, "a tile holds exactly one of `insight` or `text`.");
      }
      JsonNode insight = tile.path("insight");
      String key = insight.has("name") ? "name" : DashboardForm.DERIVED;
      JsonNode name = insight.path(key);
      if (insight.isObject() && !insight.has("name") && !insight.has(DashboardForm.DERIVED)) {
        doc.errorAtKey(
            pointer + "/insight",
            "an insight needs a `name` (or the `derived_name` export writes for one PostHog names"
                + " itself).");
      }
      if (name.isTextual()) {
        Integer first = insightNames.putIfAbsent(name.asText(), i);
        if (first != null) {
          doc.errorAtValue(
              pointer + "/insight/" + key,
              "insight `"
                  + name.asText()
                  + "` is already on this"
                  + " dashboard (tiles["
                  + first
                  + "]); insight names identify tiles and must be unique.");
        }
      }
    }
  }
}
