package io.posthoggitops.render;

import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.Plan;
import java.util.List;

/**
 * The terminal view: a header naming project and API, one block per change ({@code +}/{@code
 * ~}/{@code -}, the resource, where it comes from, its diff), the summary and unmanaged lines.
 * Colour is the caller's decision (a terminal, {@code NO_COLOR} empty or unset, not {@code
 * TERM=dumb}).
 */
public final class PlanTextView {

  private static final int MAX_ORIGIN_COLUMN = 60;
  private static final String INDENT = "    ";

  private PlanTextView() {}

  /**
   * @param diffs the diff of each change, in the plan's order ({@link ChangeDiffs#of})
   */
  public static String render(Plan plan, List<ResourceDiff> diffs, boolean colour) {
    return render(plan, diffs, Impact.NONE, colour);
  }

  /**
   * As {@link #render(Plan, List, boolean)}, with one line of {@code impact} under each change it
   * covers (docs/impact.md#in-the-plan).
   */
  public static String render(Plan plan, List<ResourceDiff> diffs, Impact impact, boolean colour) {
    Palette palette = colour ? Palette.ANSI : Palette.PLAIN;
    StringBuilder out = new StringBuilder();
    out.append(header(plan)).append("\n\n");
    int column = originColumn(plan.changes());
    for (int i = 0; i < plan.changes().size(); i++) {
      Change change = plan.changes().get(i);
      out.append(palette.forAction(change.action(), changeLine(change, column))).append('\n');
      impact
          .of(change.address())
          .ifPresent(
              of -> out.append(INDENT).append(palette.forImpact(of, impact.days())).append('\n'));
      for (PendingApproval replaced : replacedBy(plan, change)) {
        out.append(INDENT)
            .append(ApprovalText.replacesNote(replaced, ApprovalText::plainName))
            .append('\n');
      }
      for (String line : diffs.get(i).lines()) {
        out.append(INDENT).append(palette.forDiffLine(line)).append('\n');
      }
      out.append('\n');
    }
    out.append(pendingApprovals(plan));
    out.append(PlanSummary.line(plan)).append('\n');
    if (PlanSummary.approvalsLine(plan) != null) {
      out.append(PlanSummary.approvalsLine(plan)).append('\n');
    }
    if (PlanSummary.digestLine(plan) != null) {
      out.append(PlanSummary.digestLine(plan)).append('\n');
    }
    if (PlanSummary.unmanagedLine(plan) != null) {
      out.append(PlanSummary.unmanagedLine(plan)).append('\n');
    }
    return out.toString();
  }

  /**
   * The group of resources whose writes wait on PostHog's approvals, ending in a blank line; empty
   * when there are none.
   */
  public static String pendingApprovals(Plan plan) {
    if (plan.approvals().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(ApprovalText.HEADING).append(":\n");
    int column =
        plan.approvals().stream().mapToInt(a -> ApprovalText.title(a).length()).max().orElse(0) + 7;
    for (PendingApproval approval : plan.approvals()) {
      String left = "  " + ApprovalText.symbol(approval) + " " + ApprovalText.title(approval);
      out.append(left)
          .append(" ".repeat(Math.max(2, Math.min(column, MAX_ORIGIN_COLUMN) - left.length())))
          .append(ApprovalText.sentence(approval, ApprovalText::plainName))
          .append('\n');
    }
    return out.append('\n').toString();
  }

  /** The change requests a change replaces, as the plan's approvals say. */
  static List<PendingApproval> replacedBy(Plan plan, Change change) {
    return plan.approvals(PendingApproval.Verdict.REPLACED).stream()
        .filter(a -> a.address().equals(change.address()))
        .toList();
  }

  /** The plan's warnings, one {@code warning: ...} line each, for stderr. */
  public static String warnings(Plan plan) {
    StringBuilder out = new StringBuilder();
    plan.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
    return out.toString();
  }

  static String header(Plan plan) {
    return "posthog-gitops plan · %s via %s · %s"
        .formatted(
            ChangeTitles.project(plan.metadata()),
            plan.metadata().apiUrl(),
            ChangeTitles.changeCount(plan.changes().size()));
  }

  private static String changeLine(Change change, int column) {
    String left = change.action().symbol() + " " + ChangeTitles.title(change);
    String origin = ChangeTitles.origin(change);
    if (origin.isEmpty()) {
      return left;
    }
    return left + " ".repeat(Math.max(2, column - left.length())) + origin;
  }

  private static int originColumn(List<Change> changes) {
    int widest = 0;
    for (Change change : changes) {
      widest = Math.max(widest, 2 + ChangeTitles.title(change).length());
    }
    return Math.min(widest + 3, MAX_ORIGIN_COLUMN);
  }
}
