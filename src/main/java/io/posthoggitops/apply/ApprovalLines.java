package io.posthoggitops.apply;

import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.PendingApproval.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The apply report's account of what is left to PostHog's approvals (docs/approvals.md): changes
 * held as change requests in this run or already, those blocked by a request, and those waiting for
 * them.
 */
final class ApprovalLines {

  static final String CLOSING =
      "PostHog makes each held change itself once it has its approvals; then run plan to see what"
          + " is left, and apply again for what waits.";

  private final ApplyReport report;

  ApprovalLines(ApplyReport report) {
    this.report = report;
  }

  /** Awaiting approval, blocked, and waiting for those, each with its count. */
  List<String> sections() {
    List<String> lines = new ArrayList<>();
    List<String> held = new ArrayList<>();
    report
        .awaiting()
        .forEach(a -> held.add("  " + a.outcome().change().action().symbol() + " " + a.line()));
    earlierOf(Verdict.AWAITING)
        .forEach(
            a ->
                held.add(
                    "  "
                        + pendingTitle(a)
                        + ": "
                        + requestsText(a)
                        + ", open since an earlier apply; not written"));
    section(lines, "Awaiting approval in PostHog", held);
    section(
        lines,
        "Blocked by a change request",
        earlierOf(Verdict.BLOCKED).stream()
            .map(
                a ->
                    "  "
                        + pendingTitle(a)
                        + ": "
                        + requestsText(a)
                        + " holds another change; approve or reject it in PostHog, then apply"
                        + " again")
            .toList());
    List<String> waits = new ArrayList<>();
    report.waiting().forEach(w -> waits.add("  " + w.change().action().symbol() + " " + w.line()));
    earlierOf(Verdict.WAITING)
        .forEach(
            a ->
                waits.add(
                    "  "
                        + pendingTitle(a)
                        + ": references "
                        + a.waitsFor().kind().name()
                        + " \""
                        + a.waitsFor().identity()
                        + "\", which awaits approval"));
    section(lines, "Waiting for those", waits);
    return lines;
  }

  private List<PendingApproval> earlierOf(Verdict verdict) {
    return report.earlier().stream().filter(a -> a.verdict() == verdict).toList();
  }

  private static void section(List<String> lines, String heading, List<String> entries) {
    if (!entries.isEmpty()) {
      lines.add(heading + " (" + entries.size() + "):");
      lines.addAll(entries);
    }
  }

  private static String pendingTitle(PendingApproval a) {
    String title =
        (a.liveId() == null ? "+ " : "~ ")
            + a.address().kind().name()
            + " \""
            + a.address().identity()
            + "\"";
    return a.liveId() == null ? title : title + " (id " + a.liveId() + ")";
  }

  private static String requestsText(PendingApproval a) {
    List<String> texts = new ArrayList<>();
    a.requests().forEach(r -> texts.add("change request #" + r.id() + " (" + votes(r) + ")"));
    return String.join("; ", texts);
  }

  /** {@code 0 of 2 approvals}. */
  static String votes(ChangeRequest request) {
    return request.approvals() + " of " + request.quorum() + " approvals";
  }

  /** {@code ; approvers: users 19, 23 and roles R}, or nothing when PostHog named none. */
  static String approvers(ChangeRequest request) {
    List<String> who = new ArrayList<>();
    if (!request.approverUsers().isEmpty()) {
      who.add(
          "users "
              + String.join(", ", request.approverUsers().stream().map(String::valueOf).toList()));
    }
    if (!request.approverRoles().isEmpty()) {
      who.add("roles " + String.join(", ", request.approverRoles()));
    }
    return who.isEmpty() ? "" : "; approvers: " + String.join(" and ", who);
  }
}
