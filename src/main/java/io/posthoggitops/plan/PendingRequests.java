package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveKey;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The open change requests by the object they write (docs/approvals.md): an update's by the live
 * object's id, a gated create's by the identity its write names. A request is dead when PostHog
 * marked it stale or the object's {@code version} moved since it was made: PostHog will not apply
 * it.
 */
public final class PendingRequests {

  private static final Pattern CANCEL = Pattern.compile("change_requests/([0-9a-f-]{36})/cancel/");

  private final Map<LiveKey, List<ChangeRequest>> byObject = new HashMap<>();
  private final Map<Address, List<ChangeRequest>> byCreate = new HashMap<>();

  private PendingRequests() {}

  public static PendingRequests of(LiveState live) {
    PendingRequests pending = new PendingRequests();
    for (ChangeRequest request : live.changeRequests()) {
      kindOf(request).ifPresent(kind -> pending.add(kind, request));
    }
    return pending;
  }

  private void add(Kind kind, ChangeRequest request) {
    if (request.isCreate()) {
      String identity = kind.identityOf(request.write());
      if (!identity.isEmpty()) {
        byCreate.computeIfAbsent(new Address(kind, identity), a -> new ArrayList<>()).add(request);
      }
    } else {
      LiveKey key = new LiveKey(kind, new LiveId(request.resourceId()));
      byObject.computeIfAbsent(key, k -> new ArrayList<>()).add(request);
    }
  }

  private static Optional<Kind> kindOf(ChangeRequest request) {
    return Kinds.all().stream()
        .filter(k -> k.approvalResourceType() != null)
        .filter(k -> k.approvalResourceType().equals(request.resourceType()))
        .findFirst();
  }

  /** The requests open on a live object, those PostHog would no longer apply marked stale. */
  public List<ChangeRequest> on(LiveObject live) {
    return byObject.getOrDefault(live.key(), List.of()).stream()
        .map(r -> versionMoved(r, live) ? stale(r) : r)
        .toList();
  }

  /** The gated creates open for a resource that does not exist yet. */
  public List<ChangeRequest> onCreate(Address address) {
    return byCreate.getOrDefault(address, List.of());
  }

  /** The object as it will be once the request is applied (a create: what it writes). */
  static LiveObject proposed(ChangeRequest request, Kind kind, LiveObject live) {
    ObjectNode raw =
        live == null ? CanonicalJson.NODES.objectNode() : (ObjectNode) live.raw().deepCopy();
    raw.setAll(request.write().deepCopy());
    return live == null
        ? new LiveObject(kind, null, kind.identityOf(raw), raw)
        : new LiveObject(kind, live.id(), live.identity(), raw);
  }

  /** The request apply sends to cancel one (docs/approvals.md#replacing-a-pending-request). */
  static ApiRequest cancel(String id) {
    ObjectNode body = CanonicalJson.NODES.objectNode();
    body.put("reason", "Replaced by posthog-gitops: the declarations changed since it was made.");
    return ApiRequest.post("change_requests/" + id + "/cancel/", body);
  }

  /** The ids of the change requests a change cancels before it writes. */
  public static List<String> cancelledBy(Change change) {
    List<String> ids = new ArrayList<>();
    for (ApiRequest request : change.requests()) {
      Matcher cancel = CANCEL.matcher(request.path());
      if ("POST".equals(request.method()) && cancel.matches()) {
        ids.add(cancel.group(1));
      }
    }
    return ids;
  }

  private static boolean versionMoved(ChangeRequest request, LiveObject live) {
    JsonNode version = live.raw().get("version");
    return request.preconditionVersion() != null
        && version != null
        && version.canConvertToLong()
        && version.asLong() != request.preconditionVersion();
  }

  private static ChangeRequest stale(ChangeRequest r) {
    return new ChangeRequest(
        r.id(),
        r.resourceType(),
        r.resourceId(),
        r.actionKey(),
        r.state(),
        r.approvals(),
        r.quorum(),
        r.approverUsers(),
        r.approverRoles(),
        r.canCancel(),
        true,
        r.preconditionVersion(),
        r.requester(),
        r.write(),
        r.raw());
  }
}
