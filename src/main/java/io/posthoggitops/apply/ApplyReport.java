package io.posthoggitops.apply;

import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.live.ApiException;
import io.posthoggitops.plan.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * The account of an apply: what was applied, the change that failed (if any) and why, and what was
 * not attempted after it.
 *
 * @param applied changes carried out, in order
 * @param failed the change that failed, or null when all were applied
 * @param notAttempted changes after the failed one (or after the stop)
 * @param stoppedBy the signal that stopped the apply ({@code SIGINT}), or null
 */
public record ApplyReport(
    List<Outcome> applied, Failure failed, List<Change> notAttempted, String stoppedBy) {

  /** The account of an apply that ran to its end or to its first failure. */
  public ApplyReport(List<Outcome> applied, Failure failed, List<Change> notAttempted) {
    this(applied, failed, notAttempted, null);
  }

  /**
   * The change that stopped the apply.
   *
   * @param outcome the change, with its id if one was created or known
   * @param request {@code PATCH feature_flags/4821/}, the write that failed, or null
   * @param sentBefore how many of the change's requests had succeeded before it
   * @param error what went wrong
   */
  public record Failure(Outcome outcome, String request, int sentBefore, RuntimeException error) {}

  public boolean succeeded() {
    return failed == null && stoppedBy == null;
  }

  public long count(ChangeAction action) {
    return applied.stream().filter(o -> o.is(action)).count();
  }

  /** {@code 2 created, 1 updated, 0 deleted}. */
  public String counts() {
    return "%d created, %d updated, %d deleted"
        .formatted(
            count(ChangeAction.CREATE), count(ChangeAction.UPDATE), count(ChangeAction.DELETE));
  }

  /** The closing lines: a one-line result, or the applied / failed / not attempted account. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    if (succeeded()) {
      lines.add("Apply complete: " + counts() + ".");
      return lines;
    }
    if (stoppedBy != null) {
      return stoppedLines();
    }
    lines.add("");
    lines.add("Apply stopped at the first failure: " + counts() + " before it.");
    lines.add("Applied (" + applied.size() + "):");
    applied.forEach(o -> lines.add("  " + o.doneLine()));
    lines.add("Failed (1):");
    lines.addAll(failureLines());
    lines.add("Not attempted (" + notAttempted.size() + "):");
    notAttempted.forEach(c -> lines.add("  " + new Outcome(c, c.liveId()).plannedLine()));
    lines.add(
        "Nothing after the failure was sent. Fix the cause, then run apply again: it plans from"
            + " the live state, so what was applied is not repeated.");
    return lines;
  }

  /** After a signal: what was applied, the change it stopped partway (if any), what remains. */
  private List<String> stoppedLines() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Apply stopped by " + stoppedBy + ": " + counts() + " before it.");
    lines.add("Applied (" + applied.size() + "):");
    applied.forEach(o -> lines.add("  " + o.doneLine()));
    if (failed != null) {
      lines.add("Stopped partway (1):");
      lines.add("  " + failed.outcome().plannedLine());
      lines.add("    " + failed.error().getMessage());
    }
    lines.add("Not attempted (" + notAttempted.size() + "):");
    notAttempted.forEach(c -> lines.add("  " + new Outcome(c, c.liveId()).plannedLine()));
    lines.add(
        "The write in flight finished and nothing was sent after it. Run plan to see what remains,"
            + " then apply again to finish.");
    return lines;
  }

  private List<String> failureLines() {
    List<String> lines = new ArrayList<>();
    lines.add("  " + failed.outcome().plannedLine());
    if (failed.request() != null) {
      String partly =
          failed.sentBefore() == 0
              ? ""
              : " (after " + failed.sentBefore() + " of its requests succeeded)";
      lines.add("    request: " + failed.request() + partly);
    }
    lines.add("    error: " + failed.error().getMessage());
    if (failed.error() instanceof ApiException api) {
      if (api.detail() != null) {
        lines.add("    detail: " + api.detail());
      }
      if (api.attr() != null) {
        lines.add("    attr: " + api.attr());
      }
    }
    return lines;
  }
}
