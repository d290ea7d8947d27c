package io.posthoggitops.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.DeleteReason;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanDigest;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.planfile.PlanFile.FileChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Turns a bound saved-plan document back into a {@link Plan}, naming the file on any problem. */
final class PlanFileReader {

  private final String fileName;

  PlanFileReader(String fileName) {
    this.fileName = fileName;
  }

  /** The version comes first: a document of another version is not read any further. */
  void checkVersion(JsonNode root) {
    if (!root.isObject()) {
      throw problem("the document is not a JSON object");
    }
    if (root.path("format_version").asInt(-1) != PlanFile.FORMAT_VERSION) {
      throw new UserError(
          "%s has saved-plan format_version %s; this posthog-gitops reads format_version %d. Make the plan again with this version (posthog-gitops plan --out NEW-FILE)."
              .formatted(
                  fileName, root.path("format_version").asText("(none)"), PlanFile.FORMAT_VERSION));
    }
  }

  Plan plan(PlanFile file, boolean checkDigest) {
    PlanMetadata metadata =
        new PlanMetadata(
            file.formatVersion(),
            file.toolVersion(),
            required(file.apiUrl(), "api_url"),
            required(file.projectId(), "project_id"),
            file.projectName(),
            file.gitCommit(),
            file.gitDirty(),
            file.environment());
    List<Change> changes = new ArrayList<>();
    for (FileChange change : required(file.changes(), "changes")) {
      changes.add(change(change));
    }
    Plan plan =
        new Plan(
            metadata,
            List.copyOf(changes),
            file.unmanaged(),
            List.copyOf(Objects.requireNonNullElse(file.warnings(), List.of())),
            PlanFileApprovals.read(file.approvals(), this::problem));
    if (checkDigest) {
      checkDigest(required(file.digest(), "digest"), plan);
    }
    return plan;
  }

  /**
   * The changes must be the ones the digest was taken of: a plan edited after it was made (a path,
   * a body, a request added, a side rewritten) is refused before anything is sent.
   */
  private void checkDigest(String recorded, Plan plan) {
    String actual = PlanDigest.of(plan);
    if (!actual.equals(recorded)) {
      throw new UserError(
          ("%s was changed after it was made: its changes digest to %s, not to the %s recorded in"
                  + " it, so it is not the plan that was reviewed; nothing was written. Make a new"
                  + " plan (posthog-gitops plan --out FILE), review it, and apply that one.")
              .formatted(fileName, PlanDigest.shortForm(actual), PlanDigest.shortForm(recorded)));
    }
  }

  private Change change(FileChange change) {
    String kindName = required(change.kind(), "kind");
    Kind kind = Kinds.named(kindName).orElseThrow(() -> problem("unknown kind " + kindName));
    String actionWord = required(change.action(), "action");
    ChangeAction action =
        Arrays.stream(ChangeAction.values())
            .filter(a -> a.word().equals(actionWord))
            .findFirst()
            .orElseThrow(() -> problem("unknown action " + actionWord));
    return new Change(
        new Address(kind, required(change.identity(), "identity")),
        liveId(kind, change.liveId()),
        action,
        value(change.before()),
        value(change.after()),
        Objects.requireNonNullElse(change.requests(), List.<PlanFile.FileRequest>of()).stream()
            .map(
                r -> {
                  required(r.method(), "method");
                  required(r.path(), "path");
                  return PlanFiles.request(r);
                })
            .toList(),
        change.fingerprint(),
        source(change.source()),
        reason(change.reason()));
  }

  private LiveId liveId(Kind kind, JsonNode id) {
    if (id == null || id.isNull()) {
      return null;
    }
    return kind.idFormat()
        .parse(id)
        .orElseThrow(
            () ->
                problem(
                    "live_id "
                        + id
                        + " of a "
                        + kind.name()
                        + " is not "
                        + kind.idFormat().description()));
  }

  private DeleteReason reason(String text) {
    return text == null
        ? null
        : Reasons.parse(text).orElseThrow(() -> problem("unknown reason \"" + text + "\""));
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

  private static JsonNode value(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  private <T> T required(T value, String field) {
    if (value == null) {
      throw problem("\"" + field + "\" is missing");
    }
    return value;
  }

  UserError problem(String what) {
    return new UserError(
        "%s is not a saved plan of posthog-gitops: %s. --plan takes the file plan --out wrote; make one with posthog-gitops plan --out NEW-FILE."
            .formatted(fileName, what));
  }
}
