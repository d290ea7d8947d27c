package io.posthoggitops.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.UserError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every kind, the organisation's features and the open change requests into a {@link
 * LiveState}.
 */
public final class LiveStateReader {

  /** The organisation feature without which PostHog has no approvals (docs/approvals.md). */
  public static final String APPROVALS_FEATURE = "approvals";

  private LiveStateReader() {}

  public static LiveState read(PostHogApi api, String apiUrl) {
    PostHogApi.ProjectInfo project = api.project();
    Set<String> features = api.organizationFeatures();
    Map<Kind, List<LiveObject>> objects = new LinkedHashMap<>();
    Set<Kind> unavailable = new HashSet<>();
    api.listAll(Kinds.all())
        .forEach(
            (kind, raws) -> {
              objects.put(kind, raws.map(r -> toLiveObjects(kind, r)).orElse(List.of()));
              if (raws.isEmpty()) {
                unavailable.add(kind);
              }
            });
    return new LiveState(
        apiUrl,
        project.id(),
        project.name(),
        features,
        objects,
        Set.copyOf(unavailable),
        changeRequests(api, features));
  }

  /**
   * The open change requests: one list, asked for only where the organisation has approvals, so an
   * organisation without them costs no request.
   */
  public static List<ChangeRequest> changeRequests(PostHogApi api, Set<String> features) {
    if (!features.contains(APPROVALS_FEATURE)) {
      return List.of();
    }
    return api.openChangeRequests().stream().map(ChangeRequest::of).toList();
  }

  /**
   * The raw objects of a kind as live objects; an id that is not one of the kind's ids is an error
   * naming the object, since a plan from it would point writes at the wrong object.
   */
  public static List<LiveObject> toLiveObjects(Kind kind, List<ObjectNode> raws) {
    List<LiveObject> objects = new ArrayList<>(raws.size());
    for (ObjectNode raw : raws) {
      String identity = kind.identityOf(raw);
      LiveId id =
          kind.idFormat()
              .parse(raw.get("id"))
              .orElseThrow(
                  () ->
                      new UserError(
                          "PostHog holds a %s \"%s\" whose id is %s, not %s; nothing was planned from it. Check that the API URL points at PostHog or Maton."
                              .formatted(
                                  kind.name(),
                                  identity,
                                  raw.get("id"),
                                  kind.idFormat().description())));
      objects.add(new LiveObject(kind, id, identity, raw));
    }
    return List.copyOf(objects);
  }
}
