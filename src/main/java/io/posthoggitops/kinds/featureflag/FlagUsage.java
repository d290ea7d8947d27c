package io.posthoggitops.kinds.featureflag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kind.PendingReference;
import io.posthoggitops.kind.Usage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How code uses flags (docs/impact.md): SDKs send a {@code $feature_flag_called} event when code
 * evaluates a flag, and PostHog's {@code user_blast_radius} estimates how many people the
 * properties of one release condition match, leaving the rollout percentage to the caller.
 */
final class FlagUsage implements Usage {

  private static final String AGGREGATION = "aggregation_group_type_index";
  private static final List<String> DISPLAY_ONLY =
      List.of("cohort_name", "group_key_names", "label");

  @Override
  public String callsQuery(List<String> keys, int days) {
    String list = keys.stream().map(FlagUsage::literal).collect(Collectors.joining(", "));
    return String.join(
        "\n",
        "SELECT properties.$feature_flag AS key, count() AS calls,"
            + " count(DISTINCT person_id) AS persons",
        "FROM events",
        "WHERE event = '$feature_flag_called' AND timestamp > now() - INTERVAL " + days + " DAY",
        "  AND properties.$feature_flag IN (" + list + ")",
        "GROUP BY key",
        // Without a LIMIT PostHog returns 100 rows at most; there is one row per key at most.
        "LIMIT " + Math.max(1, keys.size()));
  }

  /** A HogQL string literal; flag keys hold neither quotes nor backslashes, but live ones may. */
  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Override
  public boolean switchesOff(JsonNode before, JsonNode after) {
    if (after == null) {
      return true;
    }
    if (before == null) {
      return false;
    }
    boolean disabled = active(before) && !active(after);
    boolean archived =
        !before.path("archived").asBoolean(false) && after.path("archived").asBoolean(false);
    return disabled || archived;
  }

  private static boolean active(JsonNode flag) {
    return flag.path("active").asBoolean(true);
  }

  @Override
  public List<ConditionChange> changedConditions(JsonNode before, JsonNode after) {
    List<ConditionChange> changes = new ArrayList<>();
    if (after == null) {
      return changes;
    }
    JsonNode was = before == null ? CanonicalJson.NODES.arrayNode() : groups(before);
    JsonNode is = groups(after);
    for (int i = 0; i < Math.max(was.size(), is.size()); i++) {
      JsonNode old = was.get(i);
      JsonNode now = is.get(i);
      boolean propertiesChanged =
          old == null
              || now == null
              || !JsonEquality.same(old.get("properties"), now.get("properties"))
              || !JsonEquality.same(old.get(AGGREGATION), now.get(AGGREGATION));
      Double rolloutBefore = old == null ? null : rollout(old);
      Double rolloutAfter = now == null ? null : rollout(now);
      if (propertiesChanged || !rolloutBefore.equals(rolloutAfter)) {
        JsonNode side = now != null ? now : old;
        changes.add(
            new ConditionChange(
                i,
                rolloutBefore,
                rolloutAfter,
                propertiesChanged,
                side.path(AGGREGATION).isIntegralNumber()));
      }
    }
    return changes;
  }

  private static JsonNode groups(JsonNode flag) {
    JsonNode groups = flag.path("filters").path("groups");
    return groups.isArray() ? groups : CanonicalJson.NODES.arrayNode();
  }

  /** An unset rollout serves everyone matching the condition. */
  private static double rollout(JsonNode group) {
    JsonNode rollout = group.path("rollout_percentage");
    return rollout.isNumber() ? rollout.doubleValue() : 100.0;
  }

  @Override
  public Optional<String> notEstimable(ObjectNode flag, int index) {
    JsonNode properties = groups(flag).path(index).path("properties");
    for (JsonNode property : properties) {
      if (mentionsPending(property)) {
        return Optional.of("targets an object this plan creates");
      }
      if ("flag".equals(property.path("type").asText())) {
        // Older PostHogs answer 500 to a flag dependency, newer ones count it as always true.
        return Optional.of("depends on another flag, which PostHog does not estimate");
      }
    }
    return Optional.empty();
  }

  private static boolean mentionsPending(JsonNode node) {
    if (PendingReference.address(node).isPresent()) {
      return true;
    }
    for (JsonNode child : node) {
      if (mentionsPending(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Only the properties are sent, in one key order: PostHog ignores the rollout percentage and the
   * variant, so the same properties on both sides of a change, or on two flags, need one estimate.
   */
  @Override
  public ApiRequest reachRequest(ObjectNode flag, int index) {
    JsonNode group = groups(flag).path(index);
    ArrayNode properties = CanonicalJson.NODES.arrayNode();
    for (JsonNode property : group.path("properties")) {
      JsonNode copy = property.deepCopy();
      CanonicalJson.dropKeysShallow(copy, DISPLAY_ONLY);
      properties.add(CanonicalJson.normalise(copy));
    }
    ObjectNode body = CanonicalJson.NODES.objectNode();
    body.putObject("condition").set("properties", properties);
    JsonNode aggregation =
        group.has(AGGREGATION) ? group.get(AGGREGATION) : flag.path("filters").path(AGGREGATION);
    body.set(
        "group_type_index",
        aggregation.isIntegralNumber() ? aggregation : CanonicalJson.NODES.nullNode());
    return ApiRequest.post("feature_flags/user_blast_radius/", body);
  }

  @Override
  public Optional<Reach> reach(JsonNode answer) {
    for (String[] names :
        new String[][] {{"affected", "total"}, {"users_affected", "total_users"}}) {
      JsonNode affected = answer.path(names[0]);
      JsonNode total = answer.path(names[1]);
      if (affected.canConvertToLong() && total.canConvertToLong()) {
        return Optional.of(new Reach(affected.asLong(), total.asLong()));
      }
    }
    return Optional.empty();
  }

  @Override
  public Standing standing(ObjectNode raw) {
    boolean archived = raw.path("archived").asBoolean(false);
    boolean serving = active(raw) && !archived && !raw.path("deleted").asBoolean(false);
    return new Standing(
        serving,
        archived,
        fullyRolledOut(raw.path("filters")),
        instant(raw.get("last_called_at")),
        instant(raw.get("created_at")),
        instant(raw.get("updated_at")));
  }

  /**
   * A condition without properties at 100 %; for a multivariate flag, with a variant override on it
   * or a variant at 100 %. A flag without conditions serves no one, so it is not counted.
   */
  static boolean fullyRolledOut(JsonNode filters) {
    JsonNode variants = filters.path("multivariate").path("variants");
    boolean multivariate = variants.isArray() && !variants.isEmpty();
    boolean variantAtFull = false;
    for (JsonNode variant : variants) {
      variantAtFull |= variant.path("rollout_percentage").asDouble(0) >= 100;
    }
    for (JsonNode group : filters.path("groups")) {
      boolean everyone = group.path("properties").isEmpty() && rollout(group) >= 100;
      boolean override =
          group.path("variant").isTextual() && !group.get("variant").asText().isEmpty();
      if (everyone && (!multivariate || variantAtFull || override)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Instant> instant(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
