package io.posthoggitops.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.config.ConnectionSettings;
import java.time.Duration;

/**
 * {@link AdvisoryApi} over the same connection settings as the {@link PostHogClient}: its headers,
 * error messages and rate limit, but one attempt per request and a shorter wait for the answer.
 */
public final class AdvisoryClient implements AdvisoryApi {

  /** How long an advisory answer may take before the plan goes on without it. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final JsonReplies replies;
  private final long projectId;

  /**
   * @param projectId the numeric project id, already resolved by the plan's own client
   */
  public AdvisoryClient(
      ConnectionSettings settings, long projectId, HttpTransport transport, ClientOptions options) {
    this.replies = JsonReplies.over(settings, transport, options);
    this.projectId = projectId;
  }

  /**
   * A failure names the request and PostHog's answer only: what to do next depends on what the
   * caller asked for, and the main client's advice (lower the rate limit) would mislead here.
   */
  @Override
  public ObjectNode post(String path, ObjectNode body) {
    String fullPath = "/api/projects/" + projectId + "/" + path;
    try {
      return replies.sendOnce("POST", fullPath, body);
    } catch (ApiException e) {
      if (e.status() == 0) {
        throw e;
      }
      String answer =
          e.status() < 300
              ? " answered " + e.status() + " with a body that is not a JSON object"
              : " failed with " + e.status() + (e.detail() == null ? "" : " (" + e.detail() + ")");
      throw new ApiException(e.status(), e.detail(), e.attr(), "POST " + fullPath + answer);
    }
  }
}
