package io.posthoggitops.render;

import io.posthoggitops.live.PostHogClient;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.plan.PlanMetadata;

/**
 * Links to change requests in PostHog's app (docs/approvals.md#the-pull-request-comment): PostHog
 * serves its app and its API from one host, so a plan made against a PostHog host links {@code
 * HOST/project/ID/approvals/REQUEST}. Through Maton, or from a snapshot, PostHog's host is unknown
 * and the request is named without a link.
 */
final class ApprovalLinks {

  private ApprovalLinks() {}

  /** {@code [#ID](https://us.posthog.com/project/4242/approvals/ID)}, or {@code #ID}. */
  static String markdown(PlanMetadata metadata, ChangeRequest request) {
    String url = url(metadata, request);
    String name = ApprovalText.plainName(request);
    return url == null ? name : "[" + name + "](" + url + ")";
  }

  static String url(PlanMetadata metadata, ChangeRequest request) {
    String api = metadata.apiUrl();
    if (api == null || !api.matches("(?i)https?://[^/\\s]+.*") || PostHogClient.isMaton(api)) {
      return null;
    }
    String base = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    return base + "/project/" + metadata.projectId() + "/approvals/" + request.id();
  }
}
