package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.live.PostHogApi;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;

/**
 * The PostHog annotation that marks an apply on charts ({@code annotate: true}), so analysts see
 * why a metric moved. It is a courtesy: failing to add it only warns, the apply itself has
 * succeeded.
 */
public final class ApplyAnnotation {

  private ApplyAnnotation() {}

  /** {@code posthog-gitops apply 3f9c2e1: 2 created, 1 updated, 0 deleted}. */
  public static ObjectNode body(String commit, ApplyReport report, Clock clock) {
    String at = commit == null ? "" : " " + commit.substring(0, Math.min(7, commit.length()));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("content", "posthog-gitops apply" + at + ": " + report.counts());
    body.put("date_marker", Instant.now(clock).toString());
    body.put("scope", "project");
    return body;
  }

  /** Adds the annotation when the apply succeeded and changed something. */
  public static void addIfChanged(
      PostHogApi api, String commit, ApplyReport report, Clock clock, PrintWriter err) {
    if (!report.succeeded() || report.applied().isEmpty()) {
      return;
    }
    try {
      api.write("POST", "annotations/", body(commit, report, clock));
    } catch (RuntimeException e) {
      err.println(
          "warning: the apply succeeded, but adding its PostHog annotation failed: "
              + e.getMessage()
              + " (add it by hand, or check the key's annotation:write scope).");
    }
  }
}
