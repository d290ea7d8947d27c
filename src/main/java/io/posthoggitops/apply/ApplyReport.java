package io.posthoggitops.apply;

import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.live.ApiException;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.PendingApproval.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The account of an apply: what was applied, the change that failed (if any) and why, what was not
 * attempted after it, and what waits on PostHog's approvals (docs/approvals.md).
 *
 * @param applied changes carried out, in order
 * @param failed the change that failed, or null when all were applied
 * @param notAttempted changes after the failed one (or after the stop)
 * @param stoppedBy the signal that stopped the apply ({@code SIGINT}), or null
 * @param awaiting changes PostHog held as change requests in this run
 * @param waiting changes not sent because they reference one awaiting approval
 * @param earlier what the plan found awaiting approval, blocked or waiting already
 */
public record ApplyReport(
    List<Outcome> applied,
    Failure failed,
    List<Change> notAttempted,
    String stoppedBy,
    List<Awaiting> awaiting,
    List<Waiting> waiting,
    List<PendingApproval> earlier) {

  /** The account of an apply that ran to its end or to its first failure. */
  public ApplyReport(List<Outcome> applied, Failure failed, List<Change> notAttempted) {
    this(applied, failed, notAttempted, null);
  }

  /** The account of an apply that left nothing to approvals. */
  public ApplyReport(
      List<Outcome> applied, Failure failed, List<Change> notAttempted, String stoppedBy) {
    this(applied, failed, notAttempted, stoppedBy, List.of(), List.of(), List.of());
  }

  /**
   * A change PostHog answered 409 {@code approval_required}: held as a change request.
   *
   * @param alreadyPending PostHog stored nothing new: a request for it was already open
   * @param sentBefore how many of the change's requests had succeeded before
   */
  public record Awaiting(
      Outcome outcome, ChangeRequest request, boolean alreadyPending, int sentBefore) {

    /**
     * {@code FeatureFlag "x" (id 4821): change request #ID (0 of 2 approvals; approvers: users 19,
     * 23)}.
     */
    String line() {
      String partly = sentBefore == 0 ? "" : ", after " + sentBefore + " of its requests were sent";
      String already = alreadyPending ? ", already open: PostHog stored nothing new" : "";
      return outcome.resource()
          + ": change request #"
          + request.id()
          + " ("
          + ApprovalLines.votes(request)
          + ApprovalLines.approvers(request)
          + already
          + partly
          + ")";
    }
  }

  /** A change not sent because it references {@code waitsFor}, which awaits approval. */
  public record Waiting(Change change, Address waitsFor) {
    /** {@code FeatureFlag "y": references FeatureFlag "x", which awaits approval}. */
    String line() {
      return Outcome.describe(change)
          + ": references "
          + waitsFor.kind().name()
          + " \""
          + waitsFor.identity()
          + "\", which awaits approval";
    }
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

  /** How many changes await approval in PostHog: held in this run, or already. */
  public int awaitingApproval() {
    return awaiting.size()
        + (int) earlier.stream().filter(a -> a.verdict() == Verdict.AWAITING).count();
  }

  /** Whether anything is left to PostHog's approvals. */
  public boolean leftToApprovals() {
    return !awaiting.isEmpty() || !waiting.isEmpty() || !earlier.isEmpty();
  }

  /** The closing lines: a one-line result, or the applied / failed / not attempted account. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    if (succeeded() && !leftToApprovals()) {
      lines.add("Apply complete: " + counts() + ".");
      return lines;
    }
    if (stoppedBy != null) {
      return stoppedLines();
    }
    if (succeeded()) {
      int n = awaitingApproval();
      lines.add(
          "Applied what could be applied: "
              + counts()
              + "; "
              + n
              + (n == 1 ? " change awaits" : " changes await")
              + " approval in PostHog.");
      lines.addAll(new ApprovalLines(this).sections());
      lines.add(ApprovalLines.CLOSING);
      return lines;
    }
    lines.add("");
    lines.add("Apply stopped at the first failure: " + counts() + " before it.");
    lines.add("Applied (" + applied.size() + "):");
    applied.forEach(o -> lines.add("  " + o.doneLine()));
    lines.add("Failed (1):");
    lines.addAll(failureLines());
    lines.addAll(new ApprovalLines(this).sections());
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
    lines.addAll(new ApprovalLines(this).sections());
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
