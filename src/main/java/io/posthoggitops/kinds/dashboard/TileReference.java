package io.posthoggitops.kinds.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.PendingReference;

/**
 * The tile an insight created in the same apply lands on: its id is known only once {@code POST
 * insights/} has answered ({@code dashboard_tiles}), and the dashboard's {@code tiles} PATCH that
 * sets its layout refers to it by this placeholder.
 */
final class TileReference {

  private TileReference() {}

  /** {@code {"$ref": "Dashboard/Checkout#tile:Daily checkouts"}}. */
  static ObjectNode placeholder(String dashboard, String insightName) {
    return CanonicalJson.NODES
        .objectNode()
        .put(PendingReference.KEY, address(dashboard, insightName));
  }

  static String address(String dashboard, String insightName) {
    return DashboardKind.KIND.name() + "/" + dashboard + "#tile:" + insightName;
  }
}
