package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.live.ApiException;
import io.posthoggitops.live.ApprovalRequiredException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * PostHog's approvals for flags: a policy per action ({@code feature_flag.enable}, {@code
 * .disable}, {@code .update}); a gated write is not saved but stored as a change request and
 * answered 409 {@code approval_required} (or {@code change_request_pending} when one for the same
 * action and flag is open); a request applies itself at quorum unless the flag's {@code version}
 * moved since; the requester cancels it while nobody approved it. Release conditions other than
 * rollouts are not gated here (the older rule).
 */
final class FakeApprovals {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] CREATE_ACTIONS = {"feature_flag.enable", "feature_flag.update"};
  private static final String[] UPDATE_ACTIONS = {
    "feature_flag.enable", "feature_flag.disable", "feature_flag.update"
  };

  /** An enabled policy: how many approvals, and who may give them. */
  record Policy(int quorum, List<Long> users) {}

  private final FakePostHog posthog;
  final Map<String, Policy> policies = new LinkedHashMap<>();
  final List<ObjectNode> requests = new ArrayList<>();
  private long next = 1;

  FakeApprovals(FakePostHog posthog) {
    this.posthog = posthog;
  }

  /** The organisation has approvals; {@code actionKey} writes need {@code quorum} approvals. */
  FakeApprovals policy(String actionKey, int quorum, Long... users) {
    posthog.features.add("approvals");
    policies.put(actionKey, new Policy(quorum, List.of(users)));
    return this;
  }

  /** Open requests (pending or approved), newest first, as the list endpoint answers them. */
  List<ObjectNode> open() {
    if (!posthog.features.contains("approvals")) {
      throw new ApiException(
          402,
          "This feature is part of the premium PostHog offering.",
          null,
          "GET change_requests/ failed with 402");
    }
    List<ObjectNode> open = new ArrayList<>();
    for (int i = requests.size() - 1; i >= 0; i--) {
      ObjectNode request = requests.get(i);
      String state = request.path("state").asText();
      if (state.equals("pending") || state.equals("approved")) {
        open.add(answer(request));
      }
    }
    return open;
  }

  /** A request as the caller (always its requester) reads it: staleness and can_cancel computed. */
  private ObjectNode answer(ObjectNode request) {
    ObjectNode copy = request.deepCopy();
    boolean stale = moved(request);
    copy.put("validation_status", stale ? "stale" : "valid");
    copy.put(
        "can_cancel",
        request.path("state").asText().equals("pending")
            && (request.path("approvals").isEmpty() || stale));
    return copy;
  }

  /** Refuses a gated write with PostHog's 409, storing a change request unless one is open. */
  void gate(String method, String path, ObjectNode body) {
    String[] parts = path.split("/");
    if (!parts[0].equals("feature_flags") || parts.length > 2) {
      return;
    }
    ObjectNode current = parts.length == 2 ? posthog.stored("feature_flags", parts[1]) : null;
    for (String action : current == null ? CREATE_ACTIONS : UPDATE_ACTIONS) {
      if (fires(action, current, body) && policies.containsKey(action)) {
        throw required(method, path, action, current, body);
      }
    }
  }

  private static boolean fires(String action, ObjectNode current, ObjectNode body) {
    boolean enables = !body.has("active") ? current == null : body.path("active").asBoolean();
    return switch (action) {
      case "feature_flag.enable" ->
          current == null ? enables : body.has("active") && enables && !active(current);
      case "feature_flag.disable" ->
          body.has("active") && !body.path("active").asBoolean() && active(current);
      default -> body.has("filters") && rolloutChanged(current, body.get("filters"));
    };
  }

  private static boolean active(ObjectNode flag) {
    return flag != null && flag.path("active").asBoolean(true);
  }

  private static boolean rolloutChanged(ObjectNode current, JsonNode filters) {
    JsonNode before = current == null ? JSON.objectNode() : current.path("filters");
    int groups = Math.max(before.path("groups").size(), filters.path("groups").size());
    for (int i = 0; i < groups; i++) {
      if (differs(before.path("groups").path(i), filters.path("groups").path(i))) {
        return true;
      }
    }
    JsonNode variantsBefore = before.path("multivariate").path("variants");
    JsonNode variantsAfter = filters.path("multivariate").path("variants");
    for (int i = 0; i < Math.max(variantsBefore.size(), variantsAfter.size()); i++) {
      if (differs(variantsBefore.path(i), variantsAfter.path(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean differs(JsonNode before, JsonNode after) {
    JsonNode a = before.path("rollout_percentage");
    JsonNode b = after.path("rollout_percentage");
    boolean aNull = a.isMissingNode() || a.isNull();
    boolean bNull = b.isMissingNode() || b.isNull();
    return aNull != bNull || !aNull && a.asDouble() != b.asDouble();
  }

  private ApprovalRequiredException required(
      String method, String path, String action, ObjectNode current, ObjectNode body) {
    String flagId = current == null ? null : current.path("id").asText();
    String key = current == null ? body.path("key").asText() : current.path("key").asText();
    Optional<ObjectNode> existing =
        requests.stream()
            .filter(r -> List.of("pending", "approved").contains(r.path("state").asText()))
            .filter(r -> r.path("action_key").asText().equals(action))
            .filter(
                r ->
                    flagId == null
                        ? r.path("resource_id").isNull()
                            && r.at("/intent/flag_key").asText().equals(key)
                        : flagId.equals(r.path("resource_id").asText()))
            .findFirst();
    ObjectNode request = existing.orElseGet(() -> store(action, flagId, key, current, body));
    ObjectNode answer = JSON.objectNode();
    answer.put("code", existing.isPresent() ? "change_request_pending" : "approval_required");
    answer.put("status", "approval_required");
    answer.put("detail", "A change request has been created and is pending approval.");
    answer.put("resource_type", "feature_flag");
    answer.put("resource_id", flagId);
    answer.put("change_request_id", request.path("id").asText());
    answer.set("change_request", answer(request));
    answer.set("required_approvers", request.get("policy_snapshot").deepCopy());
    return ApprovalRequiredException.from(method, "/api/projects/4242/" + path, answer)
        .orElseThrow();
  }

  private ObjectNode store(
      String action, String flagId, String key, ObjectNode current, ObjectNode body) {
    Policy policy = policies.get(action);
    ObjectNode request = JSON.objectNode();
    request.put("id", new UUID(0x0193_0000_0000_7000L, 0x8000_0000_0000_0000L | next++).toString());
    request.put("action_key", action).put("action_version", 1);
    request.put("resource_type", "feature_flag").put("resource_id", flagId);
    ObjectNode intent = request.putObject("intent");
    intent.put("flag_id", flagId == null ? null : Long.valueOf(flagId)).put("flag_key", key);
    intent.set("full_request_data", body.deepCopy());
    ObjectNode preconditions = intent.putObject("preconditions");
    if (current == null) {
      preconditions.putNull("version");
    } else {
      preconditions.put("version", current.path("version").asLong());
    }
    intent.put("http_method", current == null ? "POST" : "PATCH");
    ObjectNode snapshot = request.putObject("policy_snapshot").put("quorum", policy.quorum());
    policy.users().forEach(snapshot.putArray("users")::add);
    snapshot.putArray("roles");
    request.put("state", "pending");
    request.putObject("created_by").put("id", 12).put("email", "gitops@example.com");
    request.putArray("approvals");
    request.put("apply_error", "");
    requests.add(request);
    return request;
  }

  /**
   * {@code POST change_requests/{id}/cancel/}: only a pending request nobody approved, or stale.
   */
  ObjectNode cancel(String path) {
    ObjectNode request = find(path.split("/")[1]);
    boolean cancellable =
        request.path("state").asText().equals("pending")
            && (request.path("approvals").isEmpty() || moved(request));
    if (!cancellable || !path.endsWith("/cancel/")) {
      throw new ApiException(
          403,
          "You cannot cancel this change request",
          null,
          "POST /api/projects/4242/"
              + path
              + " failed with 403 (You cannot cancel this change request)");
    }
    request.put("state", "rejected");
    request
        .withArray("approvals")
        .addObject()
        .put("decision", "rejected")
        .put("reason", "Canceled");
    return JSON.objectNode().put("status", "canceled").put("message", "Change request canceled.");
  }

  /**
   * An approver's vote; at quorum the request applies itself, unless the flag's version moved since
   * it was made (then it fails, as PostHog's precondition does).
   */
  void approve(String id, long user) {
    ObjectNode request = find(id);
    request.withArray("approvals").addObject().put("decision", "approved").put("created_by", user);
    if (request.path("approvals").size() < request.at("/policy_snapshot/quorum").asInt()) {
      return;
    }
    if (moved(request)) {
      request
          .put("state", "failed")
          .put("apply_error", "Precondition failed: Flag version mismatch");
      return;
    }
    String flagId = request.path("resource_id").asText(null);
    ObjectNode write = (ObjectNode) request.at("/intent/full_request_data");
    posthog.save(
        flagId == null ? "POST" : "PATCH",
        flagId == null ? "feature_flags/" : "feature_flags/" + flagId + "/",
        write.deepCopy());
    request.put("state", "applied");
  }

  /** Whether the flag an update request is for has moved on since it was requested. */
  private boolean moved(ObjectNode request) {
    if (request.path("resource_id").isNull()) {
      return false;
    }
    ObjectNode flag = posthog.stored("feature_flags", request.path("resource_id").asText());
    return flag == null
        || !Objects.equals(
            flag.path("version").asLong(), request.at("/intent/preconditions/version").asLong());
  }

  ObjectNode find(String id) {
    return requests.stream()
        .filter(r -> r.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new ApiException(404, "Not found.", null, "no change request " + id));
  }
}
