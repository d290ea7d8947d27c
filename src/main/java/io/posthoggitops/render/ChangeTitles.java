package io.posthoggitops.render;

import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.DeleteReason;
import io.posthoggitops.plan.PlanMetadata;

/** The words every view uses for a change and a plan's origin, so the views never disagree. */
final class ChangeTitles {

  private ChangeTitles() {}

  /** {@code FeatureFlag "new-checkout"}, with {@code (id 4821)} for live objects. */
  static String title(Change change) {
    String title = change.kind().name() + " \"" + change.identity() + "\"";
    return change.liveId() == null ? title : title + " (id " + change.liveId() + ")";
  }

  /** Where a change comes from: its document's {@code file:line}, or why a delete is planned. */
  static String origin(Change change) {
    String source =
        change.source() == null ? null : change.source().file() + ":" + change.source().line();
    if (change.action() != ChangeAction.DELETE || change.reason() == null) {
      return source == null ? "" : source;
    }
    String reason = reason(change.reason());
    return source == null || reason.contains("(") ? reason : reason + " (" + source + ")";
  }

  /** Why a delete is planned, in the words every view uses. */
  static String reason(DeleteReason reason) {
    return switch (reason.cause()) {
      case TOMBSTONE -> "tombstone";
      case REMOVED_SINCE_BASE -> "removed since %s (%s)".formatted(reason.baseRef(), reason.file());
      case PRUNE -> "not declared here (--prune)";
    };
  }

  /**
   * {@code project 4242 (Acme Web)}, or {@code project 4343 (Acme Web, environment production)}.
   */
  static String project(PlanMetadata metadata) {
    String environment =
        metadata.environment() == null ? "" : ", environment " + metadata.environment();
    return "project " + metadata.projectId() + " (" + metadata.projectName() + environment + ")";
  }

  /** {@code 1 change}, {@code 4 changes}. */
  static String changeCount(int n) {
    return n + (n == 1 ? " change" : " changes");
  }
}
