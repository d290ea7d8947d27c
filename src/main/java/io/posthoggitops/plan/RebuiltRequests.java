package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.model.LiveObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved change's requests against the ones its two sides make (docs/safety.md). A saved plan is a
 * file anyone can edit after review; apply sends only requests it rebuilds from the change's kind,
 * live id, {@code before} and {@code after}, which are what its diff shows, and refuses the plan
 * when the stored ones differ in anything.
 */
public final class RebuiltRequests {

  private RebuiltRequests() {}

  /**
   * Why {@code change} does not hold the requests it makes, or empty when it does.
   *
   * @param live the object the change is about as PostHog holds it now, null for a create
   * @param refs {@link ReferenceTable#forSavedPlan}
   */
  public static Optional<String> disagreement(Change change, LiveObject live, ReferenceTable refs) {
    return disagreement(change, live, refs, List.of());
  }

  /**
   * As {@link #disagreement(Change, LiveObject, ReferenceTable)}, for a change that first cancels
   * the change requests it replaces (docs/approvals.md#replacing-a-pending-request).
   *
   * @param cancels the ids of the requests the plan says the change replaces
   */
  public static Optional<String> disagreement(
      Change change, LiveObject live, ReferenceTable refs, List<String> cancels) {
    Optional<String> shape = shapeProblem(change);
    if (shape.isPresent()) {
      return shape;
    }
    ObjectNode before = (ObjectNode) change.before();
    ObjectNode after = (ObjectNode) change.after();
    if (after != null) {
      for (ReferenceNodes.Found found : ReferenceNodes.find(change.kind(), after)) {
        if (refs.idOf(found.address().kind(), found.address().identity()).isEmpty()) {
          return Optional.of(
              "it refers to "
                  + found.address()
                  + ", which "
                  + refs.whyMissing(found.address())
                  + " now, so its requests cannot be checked");
        }
      }
    }
    List<ApiRequest> rebuilt = new ArrayList<>();
    cancels.forEach(id -> rebuilt.add(PendingRequests.cancel(id)));
    rebuilt.addAll(
        RequestBuilder.requestsFor(change.kind(), change.action(), live, before, after, refs));
    List<ApiRequest> stored = change.requests();
    for (int i = 0; i < Math.max(rebuilt.size(), stored.size()); i++) {
      if (i >= rebuilt.size()) {
        return Optional.of(
            "it holds %s, which its change does not make".formatted(describe(stored.get(i))));
      }
      if (i >= stored.size()) {
        return Optional.of(
            "it lacks %s, which its change makes".formatted(describe(rebuilt.get(i))));
      }
      ApiRequest want = rebuilt.get(i);
      ApiRequest got = stored.get(i);
      if (!want.method().equals(got.method()) || !want.path().equals(got.path())) {
        return Optional.of(
            "its request %d is %s, but its change makes %s"
                .formatted(i + 1, describe(got), describe(want)));
      }
      if (!text(want.body()).equals(text(got.body()))) {
        return Optional.of(
            "the body of its request %d (%s) is not the one its change makes"
                .formatted(i + 1, describe(got)));
      }
    }
    return Optional.empty();
  }

  /** A create has only an {@code after}, a delete only a {@code before}, an update both. */
  private static Optional<String> shapeProblem(Change change) {
    boolean create = change.action() == ChangeAction.CREATE;
    boolean delete = change.action() == ChangeAction.DELETE;
    if (change.action() == ChangeAction.NO_OP) {
      return Optional.of("it is not a create, update or delete");
    }
    if (create == (change.liveId() != null)) {
      return Optional.of(create ? "it is a create but names a live id" : "it names no live id");
    }
    if (!(create || isObject(change.before())) || create && change.before() != null) {
      return Optional.of(
          create ? "it is a create but has a `before`" : "its `before` is not an object");
    }
    if (!(delete || isObject(change.after())) || delete && change.after() != null) {
      return Optional.of(
          delete ? "it is a delete but has an `after`" : "its `after` is not an object");
    }
    JsonNode side = delete ? change.before() : change.after();
    JsonNode identity = side.get(change.kind().identityField());
    if (identity != null && !Objects.equals(identity.asText(), change.identity())) {
      return Optional.of(
          "its `%s` is %s, not the identity it is listed under"
              .formatted(change.kind().identityField(), identity));
    }
    return Optional.empty();
  }

  private static boolean isObject(JsonNode node) {
    return node != null && node.isObject();
  }

  private static String describe(ApiRequest request) {
    return request.method() + " " + request.path();
  }

  private static String text(ObjectNode body) {
    return body == null ? "" : CanonicalJson.text(CanonicalJson.normalise(body));
  }
}
