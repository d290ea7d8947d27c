package io.posthoggitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.ApiRequest;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.ChangeAction;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a parsed saved-plan document back into a {@link Plan}, naming the file on any problem. */
final class SavedPlanReader {

  private final String fileName;

  private SavedPlanReader(String fileName) {
    this.fileName = fileName;
  }

  static Plan read(JsonNode root, String fileName) {
    return new SavedPlanReader(fileName).plan(root);
  }

  private Plan plan(JsonNode root) {
    if (!root.isObject()) {
      throw problem("the document is not a JSON object");
    }
    int version = root.path("format_version").asInt(-1);
    if (version != PlanJson.FORMAT_VERSION) {
      throw new UserError(
          "%s has saved-plan format_version %s; this posthog-gitops reads format_version %d. Make the plan again with this version: posthog-gitops plan --out %s"
              .formatted(
                  fileName,
                  root.path("format_version").asText("(none)"),
                  PlanJson.FORMAT_VERSION,
                  fileName));
    }
    PlanMetadata metadata =
        new PlanMetadata(
            version,
            text(root, "tool_version"),
            required(root, "api_url").asText(),
            required(root, "project_id").asLong(),
            text(root, "project_name"),
            text(root, "git_commit"),
            root.path("git_dirty").asBoolean(false),
            text(root, "environment"));
    List<Change> changes = new ArrayList<>();
    for (JsonNode change : required(root, "changes")) {
      changes.add(change(change));
    }
    List<String> warnings = new ArrayList<>();
    root.path("warnings").forEach(w -> warnings.add(w.asText()));
    return new Plan(
        metadata, List.copyOf(changes), root.path("unmanaged").asInt(0), List.copyOf(warnings));
  }

  private Change change(JsonNode node) {
    String kindName = required(node, "kind").asText();
    Kind kind = Kind.fromYamlName(kindName).orElseThrow(() -> problem("unknown kind " + kindName));
    String actionWord = required(node, "action").asText();
    ChangeAction action =
        Arrays.stream(ChangeAction.values())
            .filter(a -> a.word().equals(actionWord))
            .findFirst()
            .orElseThrow(() -> problem("unknown action " + actionWord));
    List<ApiRequest> requests = new ArrayList<>();
    for (JsonNode r : node.path("requests")) {
      JsonNode body = r.get("body");
      requests.add(
          new ApiRequest(
              required(r, "method").asText(),
              required(r, "path").asText(),
              body instanceof ObjectNode o ? o : null));
    }
    return new Change(
        kind,
        required(node, "identity").asText(),
        node.path("live_id").isNumber() ? node.get("live_id").asLong() : null,
        action,
        value(node, "before"),
        value(node, "after"),
        List.copyOf(requests),
        text(node, "fingerprint"),
        source(text(node, "source")),
        text(node, "reason"));
  }

  private SourceLocation source(String text) {
    if (text == null) {
      return null;
    }
    int column = text.lastIndexOf(':');
    int line = column < 0 ? -1 : text.lastIndexOf(':', column - 1);
    try {
      return new SourceLocation(
          text.substring(0, line),
          Integer.parseInt(text.substring(line + 1, column)),
          Integer.parseInt(text.substring(column + 1)));
    } catch (RuntimeException e) {
      throw problem("source \"" + text + "\" is not FILE:LINE:COLUMN");
    }
  }

  private static JsonNode value(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw problem("\"" + field + "\" is missing");
    }
    return value;
  }

  private UserError problem(String what) {
    return new UserError(
        "%s is not a saved plan of posthog-gitops: %s. Write one with: posthog-gitops plan --out %s"
            .formatted(fileName, what, fileName));
  }
}
