package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes that carry out one change: POST for a create, PATCH with only what changed (flag
 * {@code filters} always whole), {@code PATCH {"deleted": true}} for a delete, plus per-kind extras
 * (experiment {@code launch}/{@code end}, dashboard tiles and their insights).
 */
public final class RequestBuilder {

  /** Turns canonical fields into a PostHog body; {@link Canonical#toApi} outside tests. */
  @FunctionalInterface
  public interface ApiBodies {
    ObjectNode toApi(Kind kind, ObjectNode canonical, References refs);
  }

  private RequestBuilder() {}

  /**
   * @param live the live object as PostHog returned it (tile and insight ids), null for a create
   * @param before canonical live object, null for a create
   * @param after canonical desired object, null for a delete
   */
  public static List<ApiRequest> requestsFor(
      Kind kind,
      ChangeAction action,
      LiveObject live,
      ObjectNode before,
      ObjectNode after,
      References refs) {
    return requestsFor(kind, action, live, before, after, refs, Canonical::toApi);
  }

  /**
   * As {@link #requestsFor(Kind, ChangeAction, LiveObject, ObjectNode, ObjectNode, References)}.
   */
  public static List<ApiRequest> requestsFor(
      Kind kind,
      ChangeAction action,
      LiveObject live,
      ObjectNode before,
      ObjectNode after,
      References refs,
      ApiBodies bodies) {
    List<ApiRequest> requests = new ArrayList<>();
    switch (action) {
      case CREATE ->
          requests.add(
              ApiRequest.post(kind.resource() + "/", bodies.toApi(kind, fields(after), refs)));
      case UPDATE -> updateOf(kind, live, before, after, refs, bodies).ifPresent(requests::add);
      case DELETE -> requests.add(ApiRequest.patch(objectPath(kind, live.id()), deletion(kind)));
      case NO_OP -> {
        return requests;
      }
    }
    if (action != ChangeAction.DELETE) {
      requests.addAll(extras(kind, action, live, before, after));
    }
    return requests;
  }

  /** {@code feature_flags/4821/}. */
  public static String objectPath(Kind kind, long id) {
    return kind.resource() + "/" + id + "/";
  }

  private static java.util.Optional<ApiRequest> updateOf(
      Kind kind,
      LiveObject live,
      ObjectNode before,
      ObjectNode after,
      References refs,
      ApiBodies bodies) {
    ObjectNode changed = ChangedFields.between(fields(before), fields(after));
    if (changed.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        ApiRequest.patch(objectPath(kind, live.id()), bodies.toApi(kind, changed, refs)));
  }

  private static List<ApiRequest> extras(
      Kind kind, ChangeAction action, LiveObject live, ObjectNode before, ObjectNode after) {
    String path =
        action == ChangeAction.CREATE ? kind.resource() + "/{id}/" : objectPath(kind, live.id());
    return switch (kind) {
      case EXPERIMENT -> ExperimentLifecycle.moves(path, before, after);
      case DASHBOARD ->
          new DashboardTiles(after.path("name").asText(), path, live, before).requestsFor(after);
      default -> List.of();
    };
  }

  /**
   * A soft delete. A dashboard also takes its insights that live on no other dashboard ({@code
   * delete_insights}): its insights are declared inline as part of it (DESIGN.md §3), the same rule
   * as a removed tile, and PostHog restores them with the dashboard (CONTRACT.md §0.4).
   */
  private static ObjectNode deletion(Kind kind) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("deleted", true);
    if (kind == Kind.DASHBOARD) {
      body.put("delete_insights", true);
    }
    return body;
  }

  /** The fields PostHog stores: our own ({@code status}, {@code tiles}) are sent another way. */
  private static ObjectNode fields(ObjectNode canonical) {
    ObjectNode copy =
        canonical == null ? JsonNodeFactory.instance.objectNode() : canonical.deepCopy();
    copy.remove(List.of("status", "tiles"));
    return copy;
  }
}
