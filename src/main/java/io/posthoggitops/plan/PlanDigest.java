package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.CanonicalJson;

/**
 * The SHA-256 of everything a plan would do: its project and, for each change in order, the
 * resource, action, both sides, fingerprint, origin and requests (docs/safety.md). Two copies of a
 * plan with the same digest hold the same changes, so a reviewer and an apply step can tell they
 * hold the same plan; what views derive from it (the diff text, the counts) is not part of it.
 */
public final class PlanDigest {

  private static final String PREFIX = "sha256:";

  /** How many hex digits views show: enough that no edit can be made to keep them. */
  private static final int SHOWN_DIGITS = 16;

  private PlanDigest() {}

  /** {@code sha256:} and 64 hex digits. */
  public static String of(Plan plan) {
    ObjectNode content = CanonicalJson.NODES.objectNode();
    content.put("api_url", plan.metadata().apiUrl());
    content.put("project_id", plan.metadata().projectId());
    content.put("environment", plan.metadata().environment());
    ArrayNode changes = content.putArray("changes");
    for (Change change : plan.changes()) {
      ObjectNode c = changes.addObject();
      c.put("kind", change.kind().name());
      c.put("identity", change.identity());
      c.set("live_id", change.liveId() == null ? null : change.liveId().json());
      c.put("action", change.action().word());
      c.set("before", change.before());
      c.set("after", change.after());
      c.put("fingerprint", change.fingerprint());
      c.put("source", change.source() == null ? null : change.source().toString());
      c.put("reason", change.reason() == null ? null : change.reason().toString());
      ArrayNode requests = c.putArray("requests");
      for (ApiRequest request : change.requests()) {
        ObjectNode r = requests.addObject();
        r.put("method", request.method());
        r.put("path", request.path());
        r.set("body", request.body());
      }
    }
    return PREFIX + Fingerprint.of(content);
  }

  /** The digest as views show it: {@code sha256:} and its first 16 hex digits. */
  public static String shown(Plan plan) {
    return shortForm(of(plan));
  }

  /** A digest cut to the digits views show; any other text as it is. */
  public static String shortForm(String digest) {
    return digest.startsWith(PREFIX) && digest.length() > PREFIX.length() + SHOWN_DIGITS
        ? digest.substring(0, PREFIX.length() + SHOWN_DIGITS)
        : digest;
  }
}
