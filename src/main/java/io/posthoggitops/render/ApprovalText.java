package io.posthoggitops.render;

import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.PendingApproval.Verdict;
import io.posthoggitops.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words every view uses for resources whose writes wait on PostHog's approvals
 * (docs/approvals.md); how a change request is named (plain, or a link) is the view's choice.
 */
final class ApprovalText {

  static final String HEADING = "Pending approvals in PostHog";

  private ApprovalText() {}

  /** {@code ~} for an object that exists, {@code +} for one still to be created. */
  static char symbol(PendingApproval approval) {
    return approval.liveId() == null ? '+' : '~';
  }

  /** {@code FeatureFlag "new-checkout" (id 4821)}. */
  static String title(PendingApproval approval) {
    String title = approval.address().kind().name() + " \"" + approval.address().identity() + "\"";
    return approval.liveId() == null ? title : title + " (id " + approval.liveId() + ")";
  }

  /**
   * What the plan does about it, e.g. {@code awaiting approval (change request #ID, 1 of 2
   * approvals)}.
   *
   * @param name how a change request's id is written, e.g. {@code #3f9c2a54-…} or a link
   */
  static String sentence(PendingApproval approval, Function<ChangeRequest, String> name) {
    String requests = requests(approval.requests(), name, false);
    return switch (approval.verdict()) {
      case AWAITING -> "awaiting approval (" + requests(approval.requests(), name, true) + ")";
      case REPLACED ->
          "replaced by the change above: apply cancels " + requests + " first, then writes it";
      case BLOCKED ->
          "blocked by "
              + requests
              + ", which holds another change: approve or reject it in PostHog first; nothing"
              + " is written to it until then";
      case NOT_DECLARED ->
          requests + " holds a change the declarations do not make: cancel or reject it in PostHog";
      case WAITING ->
          "waits for "
              + approval.waitsFor().kind().name()
              + " \""
              + approval.waitsFor().identity()
              + "\", which awaits approval";
    };
  }

  /** The note under a change that replaces requests. */
  static String replacesNote(PendingApproval approval, Function<ChangeRequest, String> name) {
    return "replaces " + requests(approval.requests(), name, false) + ": apply cancels it first";
  }

  /**
   * {@code change request #ID (1 of 2 approvals)}, or {@code change request #ID, 1 of 2 approvals}
   * inside parentheses; several joined with {@code ; }.
   */
  private static String requests(
      List<ChangeRequest> requests, Function<ChangeRequest, String> name, boolean inParens) {
    return requests.stream()
        .map(
            r -> {
              String votes =
                  r.approvals()
                      + " of "
                      + r.quorum()
                      + " approvals"
                      + (r.stale() ? ", stale: PostHog will not apply it" : "");
              String id = "change request " + name.apply(r);
              return inParens ? id + ", " + votes : id + " (" + votes + ")";
            })
        .collect(Collectors.joining("; "));
  }

  /** {@code #3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88}. */
  static String plainName(ChangeRequest request) {
    return "#" + request.id();
  }

  /**
   * How many changes wait on PostHog's approvals, e.g. {@code 1 change awaits approval in PostHog;
   * 1 waits for it.}, or null when none do.
   */
  static String countsLine(Plan plan) {
    List<String> parts = new ArrayList<>();
    int awaiting = plan.approvals(Verdict.AWAITING).size();
    int waiting = plan.approvals(Verdict.WAITING).size();
    int blocked = plan.approvals(Verdict.BLOCKED).size();
    int notDeclared = plan.approvals(Verdict.NOT_DECLARED).size();
    if (awaiting > 0) {
      parts.add(count(awaiting, "change awaits", "changes await") + " approval in PostHog");
    }
    if (waiting > 0) {
      parts.add(count(waiting, "change waits", "changes wait") + " for one awaiting approval");
    }
    if (blocked > 0) {
      parts.add(
          count(blocked, "change is", "changes are")
              + " blocked by a change request: approve or reject it in PostHog first");
    }
    if (notDeclared > 0) {
      parts.add(
          count(notDeclared, "change request holds", "change requests hold")
              + " a change the declarations do not make");
    }
    return parts.isEmpty() ? null : String.join("; ", parts) + ".";
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
