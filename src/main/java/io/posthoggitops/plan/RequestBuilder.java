package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.ReferenceIds;
import io.posthoggitops.model.LiveObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes that carry out one change: POST for a create, PATCH with only what changed (each
 * changed field whole), the kind's removal PATCH for a delete, plus the kind's own extras
 * (lifecycle endpoints, tiles).
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
              ApiRequest.post(kind.resource() + "/", bodies.toApi(kind, sent(kind, after), refs)));
      case UPDATE -> {
        ObjectNode changed = JsonEquality.changedFields(sent(kind, before), sent(kind, after));
        if (!changed.isEmpty()) {
          ObjectNode body = bodies.toApi(kind, changed, refs);
          kind.completeUpdate(body, before, after);
          requests.add(ApiRequest.patch(objectPath(kind, live.id()), body));
        }
      }
      case DELETE ->
          requests.add(
              ApiRequest.patch(objectPath(kind, live.id()), kind.deletion().body().deepCopy()));
      case NO_OP -> {
        return requests;
      }
    }
    if (action != ChangeAction.DELETE) {
      String path =
          action == ChangeAction.CREATE ? kind.resource() + "/{id}/" : objectPath(kind, live.id());
      ReferenceIds ids =
          document -> {
            ObjectNode copy = document.deepCopy();
            ReferenceNodes.toIds(kind, copy, refs);
            return copy;
          };
      requests.addAll(
          kind.extraRequests(action, path, live == null ? null : live.raw(), before, after, ids));
    }
    return requests;
  }

  /** {@code feature_flags/4821/}. */
  public static String objectPath(Kind kind, LiveId id) {
    return kind.resource() + "/" + id + "/";
  }

  /**
   * The fields sent as such, set-valued ones (tags) in canonical form; fields of ours ({@code
   * status}, {@code tiles}) go another way.
   */
  private static ObjectNode sent(Kind kind, ObjectNode canonical) {
    ObjectNode copy = canonical == null ? CanonicalJson.NODES.objectNode() : canonical.deepCopy();
    for (FieldSpec field : kind.spec().fields().values()) {
      if (!field.sentAsField()) {
        copy.remove(field.name());
      } else if (field.canon() != FieldSpec.Canon.AS_IS && copy.has(field.name())) {
        copy.set(field.name(), field.canonical(copy.get(field.name())));
      }
    }
    return copy;
  }
}
