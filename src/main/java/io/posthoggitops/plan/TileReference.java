package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;

/**
 * The tile an insight created in the same apply lands on: its id is known only once {@code POST
 * insights/} has answered ({@code dashboard_tiles}), and the dashboard's {@code tiles} PATCH that
 * sets its layout refers to it by this placeholder.
 */
public final class TileReference {

  private TileReference() {}

  /** {@code {"$ref": "Dashboard/Checkout#tile:Daily checkouts"}}. */
  public static ObjectNode placeholder(String dashboard, String insightName) {
    return JsonNodeFactory.instance
        .objectNode()
        .put(PendingReference.KEY, address(dashboard, insightName));
  }

  public static String address(String dashboard, String insightName) {
    return Kind.DASHBOARD.yamlName() + "/" + dashboard + "#tile:" + insightName;
  }
}
