package io.posthoggitops.planfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The saved-plan document (docs/commands/plan.md), {@code format_version: 1}, as Jackson binds it:
 * provenance (API URL and project, never the key), the plan's digest, and for each change what a
 * reviewer reads ({@code diff}) and what apply checks and runs ({@code before}, {@code after},
 * {@code requests}, {@code fingerprint}). Field names are written in snake case.
 */
@JsonPropertyOrder({
  "format_version",
  "tool_version",
  "api_url",
  "project_id",
  "project_name",
  "git_commit",
  "git_dirty",
  "environment",
  "digest",
  "summary",
  "unmanaged",
  "warnings",
  "changes",
  "approvals"
})
public record PlanFile(
    Integer formatVersion,
    String toolVersion,
    String apiUrl,
    Long projectId,
    String projectName,
    String gitCommit,
    boolean gitDirty,
    String environment,
    String digest,
    Summary summary,
    int unmanaged,
    List<String> warnings,
    List<FileChange> changes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FileApproval> approvals) {

  public static final int FORMAT_VERSION = 1;

  /** How many changes of each action the plan holds. */
  public record Summary(long create, long update, long delete) {}

  /** One change: its resource, action and requests, the diff shown, and both sides. */
  @JsonPropertyOrder({
    "kind",
    "identity",
    "live_id",
    "action",
    "requests",
    "diff",
    "fingerprint",
    "source",
    "reason",
    "before",
    "after"
  })
  public record FileChange(
      String kind,
      String identity,
      JsonNode liveId,
      String action,
      List<FileRequest> requests,
      String diff,
      String fingerprint,
      String source,
      String reason,
      JsonNode before,
      JsonNode after) {}

  /**
   * A resource whose write waits on PostHog's approvals (docs/approvals.md): what the plan does
   * about it ({@code awaiting}, {@code replaced}, {@code blocked}, {@code not_declared}, {@code
   * waiting}), the change requests open on it, and for a waiting change what it waits for.
   */
  @JsonPropertyOrder({"kind", "identity", "live_id", "verdict", "waits_for", "change_requests"})
  public record FileApproval(
      String kind,
      String identity,
      JsonNode liveId,
      String verdict,
      String waitsFor,
      List<FileChangeRequest> changeRequests) {}

  /** A change request as the plan saw it; {@code approvers} holds PostHog's user and role ids. */
  @JsonPropertyOrder({
    "id",
    "action_key",
    "state",
    "approvals",
    "quorum",
    "approvers",
    "requested_by",
    "stale",
    "can_cancel"
  })
  public record FileChangeRequest(
      String id,
      String actionKey,
      String state,
      int approvals,
      int quorum,
      Approvers approvers,
      String requestedBy,
      boolean stale,
      Boolean canCancel) {}

  /** Who may approve a change request. */
  public record Approvers(List<Long> users, List<String> roles) {}

  /** One write, relative to {@code /api/projects/{project}/}. */
  @JsonPropertyOrder({"method", "path", "body"})
  public record FileRequest(String method, String path, JsonNode body) {}
}
