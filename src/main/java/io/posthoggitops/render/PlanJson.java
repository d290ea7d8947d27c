package io.posthoggitops.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.ApiRequest;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.ChangeAction;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanMetadata;
import java.util.List;

/**
 * The saved-plan document (DESIGN.md §6), {@code format_version: 1}; written and read back. It
 * holds the API URL and never the key; {@code diff} is for people, {@code requests} for apply.
 */
public final class PlanJson {

  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  public static String write(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    PlanMetadata m = plan.metadata();
    root.put("format_version", FORMAT_VERSION);
    root.put("tool_version", m.toolVersion());
    root.put("api_url", m.apiUrl());
    root.put("project_id", m.projectId());
    root.put("project_name", m.projectName());
    root.put("git_commit", m.gitCommit());
    root.put("git_dirty", m.gitDirty());
    root.put("environment", m.environment());
    ObjectNode summary = root.putObject("summary");
    summary.put("create", plan.count(ChangeAction.CREATE));
    summary.put("update", plan.count(ChangeAction.UPDATE));
    summary.put("delete", plan.count(ChangeAction.DELETE));
    root.put("unmanaged", plan.unmanaged());
    ArrayNode warnings = root.putArray("warnings");
    plan.warnings().forEach(warnings::add);
    ArrayNode changes = root.putArray("changes");
    List<ResourceDiff> diffs = ChangeDiffs.of(plan);
    for (int i = 0; i < plan.changes().size(); i++) {
      changes.add(change(plan.changes().get(i), diffs.get(i)));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan could not be written as JSON", e);
    }
  }

  private static ObjectNode change(Change change, ResourceDiff diff) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", change.kind().yamlName());
    node.put("identity", change.identity());
    node.put("live_id", change.liveId());
    node.put("action", change.action().word());
    ArrayNode requests = node.putArray("requests");
    for (ApiRequest request : change.requests()) {
      ObjectNode r = requests.addObject();
      r.put("method", request.method());
      r.put("path", request.path());
      r.set("body", request.body());
    }
    node.put("diff", diff.text());
    node.put("fingerprint", change.fingerprint());
    node.put("source", change.source() == null ? null : change.source().toString());
    node.put("reason", change.reason());
    node.set("before", change.before());
    node.set("after", change.after());
    return node;
  }

  /** Reads a saved plan; a file that does not parse is a {@code UserError} naming the file. */
  public static Plan read(String json, String fileName) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UserError(
          "%s is not a saved plan: %s. Write one with: posthog-gitops plan --out %s"
              .formatted(fileName, e.getOriginalMessage(), fileName));
    }
    return SavedPlanReader.read(root, fileName);
  }
}
