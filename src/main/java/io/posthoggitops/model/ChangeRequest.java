package io.posthoggitops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A change request PostHog holds under an approval policy (docs/approvals.md): a gated write it
 * stored instead of making, and makes itself once enough approvers approve, provided the object has
 * not changed in the meantime.
 *
 * @param id its UUID
 * @param resourceType what it writes, e.g. {@code feature_flag}
 * @param resourceId the id of the object it writes, as text; null for a gated create
 * @param actionKey the gated action, e.g. {@code feature_flag.update}
 * @param state {@code pending} or {@code approved} for an open request
 * @param approvals approving votes so far
 * @param quorum approvals it needs
 * @param approverUsers ids of the users who may approve it
 * @param approverRoles ids of the roles whose members may approve it
 * @param canCancel whether the caller may cancel it, as PostHog computes it; null when not said
 * @param stale whether PostHog found the object changed since the request was made
 * @param preconditionVersion the object's {@code version} when it was requested, or null
 * @param requester the email of whoever asked, or null
 * @param write the whole write it holds and replays ({@code intent.full_request_data})
 * @param raw the request as PostHog returned it
 */
public record ChangeRequest(
    String id,
    String resourceType,
    String resourceId,
    String actionKey,
    String state,
    int approvals,
    int quorum,
    List<Long> approverUsers,
    List<String> approverRoles,
    Boolean canCancel,
    boolean stale,
    Long preconditionVersion,
    String requester,
    ObjectNode write,
    ObjectNode raw) {

  /** Reads PostHog's change request object; missing parts read as empty. */
  public static ChangeRequest of(ObjectNode raw) {
    JsonNode policy = raw.path("policy_snapshot");
    JsonNode intent = raw.path("intent");
    JsonNode write = intent.path("full_request_data");
    JsonNode version = intent.path("preconditions").path("version");
    return new ChangeRequest(
        raw.path("id").asText(""),
        text(raw.get("resource_type")),
        text(raw.get("resource_id")),
        text(raw.get("action_key")),
        raw.path("state").asText("pending"),
        approvingVotes(raw.path("approvals")),
        policy.path("quorum").asInt(1),
        users(policy.path("users")),
        roles(policy.path("roles")),
        raw.path("can_cancel").isBoolean() ? raw.get("can_cancel").asBoolean() : null,
        "stale".equals(raw.path("validation_status").asText()),
        version.canConvertToLong() ? version.asLong() : null,
        text(raw.path("created_by").get("email")),
        write.isObject() ? (ObjectNode) write : JsonNodeFactory.instance.objectNode(),
        raw);
  }

  /** A request for an object that does not exist yet (a gated create). */
  public boolean isCreate() {
    return resourceId == null;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
  }

  private static int approvingVotes(JsonNode votes) {
    int count = 0;
    for (JsonNode vote : votes) {
      if ("approved".equals(vote.path("decision").asText())) {
        count++;
      }
    }
    return count;
  }

  private static List<Long> users(JsonNode ids) {
    List<Long> users = new ArrayList<>();
    ids.forEach(id -> users.add(id.asLong()));
    return List.copyOf(users);
  }

  private static List<String> roles(JsonNode ids) {
    List<String> roles = new ArrayList<>();
    ids.forEach(id -> roles.add(id.asText()));
    return List.copyOf(roles);
  }
}
