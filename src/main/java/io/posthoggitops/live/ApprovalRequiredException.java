package io.posthoggitops.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.ChangeRequest;
import java.util.Optional;

/**
 * PostHog's 409 {@code approval_required} answer to a gated write (docs/approvals.md): nothing was
 * changed, the write is held as a change request that PostHog makes itself once approved. Not a
 * failure: apply reports the change as awaiting approval and goes on.
 */
public class ApprovalRequiredException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final transient ChangeRequest request;
  private final boolean alreadyPending;

  /**
   * @param request the change request holding the write (for {@code change_request_pending}, the
   *     one that was already open)
   * @param alreadyPending true when PostHog stored nothing new because a request for the same
   *     action on the same object was already open ({@code change_request_pending})
   */
  public ApprovalRequiredException(
      String method, String path, ChangeRequest request, boolean alreadyPending) {
    super(
        409,
        null,
        null,
        method
            + " "
            + path
            + " answered 409: "
            + (alreadyPending
                ? "change request #" + request.id() + " was already open for this change"
                : "PostHog holds the write as change request #" + request.id())
            + ", which awaits approval.");
    this.request = request;
    this.alreadyPending = alreadyPending;
  }

  public ChangeRequest request() {
    return request;
  }

  public boolean alreadyPending() {
    return alreadyPending;
  }

  /**
   * The answer as an approval, when it is one: {@code status: approval_required} with a change
   * request id. Its approvers come from the request's policy, else from {@code required_approvers}.
   */
  public static Optional<ApprovalRequiredException> from(
      String method, String path, JsonNode body) {
    if (body == null
        || !"approval_required".equals(body.path("status").asText())
        || !body.path("change_request_id").isTextual()) {
      return Optional.empty();
    }
    ObjectNode request =
        body.path("change_request").isObject()
            ? ((ObjectNode) body.get("change_request")).deepCopy()
            : JsonReplies.JSON.createObjectNode();
    request.put("id", body.get("change_request_id").asText());
    if (!request.has("resource_type") && body.hasNonNull("resource_type")) {
      request.set("resource_type", body.get("resource_type"));
    }
    if (!request.has("resource_id")) {
      request.set("resource_id", body.path("resource_id").deepCopy());
    }
    if (!request.path("policy_snapshot").isObject()
        && body.path("required_approvers").has("quorum")) {
      request.set("policy_snapshot", body.get("required_approvers").deepCopy());
    }
    boolean pending = "change_request_pending".equals(body.path("code").asText());
    return Optional.of(
        new ApprovalRequiredException(method, path, ChangeRequest.of(request), pending));
  }
}
