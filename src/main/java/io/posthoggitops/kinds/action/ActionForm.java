package io.posthoggitops.kinds.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;
import io.posthoggitops.kind.CanonicalJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Actions: PostHog returns every step with the full key set (nulls for unset keys, {@code
 * url_matching: contains}), adds the read-only {@code selector_regex}/{@code selector_warning} and
 * drops unknown step keys (docs/how-plan-decides.md). {@code pinned_at} is compared as {@code
 * pinned}.
 */
final class ActionForm implements CanonicalForm {
  private static final List<String> STEP_KEYS =
      List.of(
          "event",
          "properties",
          "selector",
          "tag_name",
          "text",
          "text_matching",
          "href",
          "href_matching",
          "url",
          "url_matching");

  @Override
  public void normalise(ObjectNode action) {
    normaliseSteps(action);
  }

  @Override
  public void live(ObjectNode raw) {
    JsonNode pinnedAt = raw.path("pinned_at");
    raw.put(
        "pinned", !pinnedAt.isNull() && !pinnedAt.isMissingNode() && !pinnedAt.asText().isEmpty());
  }

  @Override
  public void api(ObjectNode body) {
    JsonNode pinned = body.remove("pinned");
    if (pinned != null) {
      String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      body.set(
          "pinned_at",
          pinned.asBoolean() ? CanonicalJson.NODES.textNode(now) : CanonicalJson.NODES.nullNode());
    }
  }

  @Override
  public void omitDefaults(ObjectNode canonical) {
    canonical
        .path("steps")
        .forEach(
            step -> {
              ObjectNode s = (ObjectNode) step;
              CanonicalJson.dropNulls(s);
              if ("contains".equals(s.path("url_matching").asText())) {
                s.remove("url_matching");
              }
            });
  }

  private static void normaliseSteps(ObjectNode action) {
    JsonNode steps = action.get("steps");
    if (steps == null || !steps.isArray()) {
      return;
    }
    ArrayNode full = CanonicalJson.NODES.arrayNode();
    steps.forEach(step -> full.add(fullStep(step)));
    action.set("steps", full);
  }

  private static ObjectNode fullStep(JsonNode step) {
    ObjectNode full = CanonicalJson.NODES.objectNode();
    for (String key : STEP_KEYS) {
      JsonNode value = step.get(key);
      full.set(key, value == null ? CanonicalJson.NODES.nullNode() : value.deepCopy());
    }
    if (full.get("url_matching").isNull()) {
      full.put("url_matching", "contains");
    }
    return full;
  }
}
