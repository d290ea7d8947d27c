package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveObject;
import java.util.List;

/**
 * The writes that carry out one change: POST for a create, PATCH with only what changed (flag
 * {@code filters} always whole), {@code PATCH {"deleted": true}} for a delete, plus per-kind extras
 * (experiment {@code launch}/{@code end}, dashboard tiles and their insights).
 */
public final class RequestBuilder {

  private RequestBuilder() {}

  /**
   * @param live the live object as PostHog returned it (tile and insight ids), null for a create
   * @param before canonical live object, null for a create
   * @param after canonical desired object, null for a delete
   */
  public static List<ApiRequest> requestsFor(
      Kind kind, ChangeAction action, LiveObject live, ObjectNode before, ObjectNode after, References refs) {
    throw new UnsupportedOperationException("not built yet");
  }
}
