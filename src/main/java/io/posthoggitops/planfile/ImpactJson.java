package io.posthoggitops.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.impact.ChangeImpact;
import io.posthoggitops.impact.ConditionImpact;
import io.posthoggitops.kind.Usage.ConditionChange;
import io.posthoggitops.kind.Usage.Reach;

/**
 * The {@code impact} object of a change in the JSON plan (docs/impact.md#json): shown, never read
 * back, so apply and its stale check never depend on it.
 */
final class ImpactJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ImpactJson() {}

  static ObjectNode of(ChangeImpact impact, int days) {
    ObjectNode node = NODES.objectNode();
    node.put("days", days);
    if (impact.calls() != null) {
      node.put("calls", impact.calls().calls());
      node.put("persons", impact.calls().persons());
    }
    node.put("switches_off", impact.switchesOff());
    node.put("still_called", impact.stillCalled());
    impact.conditions().forEach(c -> node.withArray("conditions").add(condition(c)));
    return node;
  }

  private static ObjectNode condition(ConditionImpact impact) {
    ConditionChange change = impact.change();
    ObjectNode node = NODES.objectNode();
    node.put("group", change.index());
    node.set("rollout_before", percentage(change.before()));
    node.set("rollout_after", percentage(change.after()));
    node.put("properties_changed", change.propertiesChanged());
    node.put("counts", change.groups() ? "groups" : "people");
    if (!impact.isEstimated()) {
      node.put("not_estimated", impact.notEstimated());
      return node;
    }
    node.set("before", side(impact.before(), impact.reachedBefore()));
    node.set("after", side(impact.after(), impact.reachedAfter()));
    node.put("difference", impact.difference());
    return node;
  }

  /** {@code 50} rather than {@code 50.0}, as declared; null where the condition does not exist. */
  private static JsonNode percentage(Double value) {
    if (value == null) {
      return NODES.nullNode();
    }
    return value == Math.rint(value)
        ? NODES.numberNode(value.longValue())
        : NODES.numberNode(value);
  }

  /** What PostHog estimated, and the share the rollout percentage reaches. */
  private static ObjectNode side(Reach reach, long reached) {
    if (reach == null) {
      return null;
    }
    return NODES
        .objectNode()
        .put("affected", reach.affected())
        .put("total", reach.total())
        .put("reached", reached);
  }
}
