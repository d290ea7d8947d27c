package io.posthoggitops.planfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanDigest;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.planfile.PlanFile.FileChange;
import io.posthoggitops.planfile.PlanFile.FileRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a plan as its saved-plan document and reads one back, naming the file on any problem. */
public final class PlanFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PlanFiles() {}

  /** The document's text, ending in a newline. */
  public static String write(Plan plan, List<ResourceDiff> diffs) {
    try {
      return JSON.writeValueAsString(of(plan, diffs)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan could not be written as JSON", e);
    }
  }

  /**
   * The document's text with an {@code impact} object in each change {@code impact} covers; exactly
   * {@link #write(Plan, List)} when it covers none.
   */
  public static String write(Plan plan, List<ResourceDiff> diffs, Impact impact) {
    if (impact.isEmpty()) {
      return write(plan, diffs);
    }
    ObjectNode document = JSON.valueToTree(of(plan, diffs));
    for (int i = 0; i < plan.changes().size(); i++) {
      ObjectNode change = (ObjectNode) document.get("changes").get(i);
      impact
          .of(plan.changes().get(i).address())
          .ifPresent(of -> change.set("impact", ImpactJson.of(of, impact.days())));
    }
    try {
      return JSON.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan could not be written as JSON", e);
    }
  }

  /** The document for a plan and the diff of each of its changes. */
  public static PlanFile of(Plan plan, List<ResourceDiff> diffs) {
    PlanMetadata m = plan.metadata();
    List<FileChange> changes = new ArrayList<>();
    for (int i = 0; i < plan.changes().size(); i++) {
      changes.add(change(plan.changes().get(i), diffs.get(i)));
    }
    return new PlanFile(
        PlanFile.FORMAT_VERSION,
        m.toolVersion(),
        m.apiUrl(),
        m.projectId(),
        m.projectName(),
        m.gitCommit(),
        m.gitDirty(),
        m.environment(),
        PlanDigest.of(plan),
        new PlanFile.Summary(
            plan.count(ChangeAction.CREATE),
            plan.count(ChangeAction.UPDATE),
            plan.count(ChangeAction.DELETE)),
        plan.unmanaged(),
        plan.warnings(),
        changes,
        PlanFileApprovals.write(plan.approvals()));
  }

  private static FileChange change(Change change, ResourceDiff diff) {
    List<FileRequest> requests =
        change.requests().stream()
            .map(r -> new FileRequest(r.method(), r.path(), r.body()))
            .toList();
    return new FileChange(
        change.kind().name(),
        change.identity(),
        change.liveId() == null ? null : change.liveId().json(),
        change.action().word(),
        requests,
        diff.text(),
        change.fingerprint(),
        change.source() == null ? null : change.source().toString(),
        change.reason() == null ? null : Reasons.text(change.reason()),
        change.before(),
        change.after());
  }

  /** The largest saved plan read: far above any real plan, far below what memory holds. */
  public static final long MAX_BYTES = 128L * 1024 * 1024;

  /** A saved plan's text, refusing a file larger than {@link #MAX_BYTES} before reading it. */
  public static String readText(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new UserError(
          "%s holds %d bytes, more than the %d MiB a saved plan may hold; it is not one plan --out wrote."
              .formatted(file, size, MAX_BYTES / 1024 / 1024));
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Reads a saved plan; a file that is not one is a {@code UserError} naming the file. */
  public static Plan read(String json, String fileName) {
    return read(json, fileName, true);
  }

  /** As {@link #read(String, String)}, with the digest checked or not (tests that edit plans). */
  static Plan read(String json, String fileName, boolean checkDigest) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UserError(
          "%s is not a saved plan (not JSON: %s). --plan takes the file plan --out wrote; make one with posthog-gitops plan --out NEW-FILE."
              .formatted(fileName, e.getOriginalMessage()));
    }
    PlanFileReader reader = new PlanFileReader(fileName);
    reader.checkVersion(root);
    try {
      return reader.plan(JSON.treeToValue(root, PlanFile.class), checkDigest);
    } catch (JsonProcessingException e) {
      throw reader.problem(e.getOriginalMessage());
    }
  }

  /** The write as a request apply can send. */
  static ApiRequest request(FileRequest request) {
    return new ApiRequest(
        request.method(), request.path(), request.body() instanceof ObjectNode body ? body : null);
  }
}
