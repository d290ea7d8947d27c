package io.posthoggitops.render;

import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanDigest;
import io.posthoggitops.plan.PlanMetadata;
import java.util.List;

/**
 * The pull-request comment: the marker CI finds it by, the summary, a table of changes and one
 * collapsed diff per change. GitHub refuses comments over 65,536 characters, so the comment stays
 * within {@link #MAX_CHARS} by leaving out whole diff blocks from the end and saying how many.
 */
public final class PlanMarkdownView {

  public static final String MARKER = "<!-- posthog-gitops-plan -->";
  public static final int MAX_CHARS = 60_000;
  static final int MAX_TABLE_ROWS = 200;
  // The table never takes more than this, so diffs of the first changes always have room.
  private static final int MAX_TABLE_CHARS = 30_000;

  private PlanMarkdownView() {}

  /**
   * @param diffs the diff of each change, in the plan's order ({@link ChangeDiffs#of})
   */
  public static String render(Plan plan, List<ResourceDiff> diffs) {
    return render(plan, diffs, Impact.NONE);
  }

  /**
   * As {@link #render(Plan, List)}, with {@code impact}: totals and safety warnings under the
   * summary, an impact column, and a line in each diff block (docs/impact.md#in-the-plan).
   */
  public static String render(Plan plan, List<ResourceDiff> diffs, Impact impact) {
    return MARKER
        + "\n"
        + body(plan, diffs, impact, MAX_CHARS - MARKER.length() - 1, MAX_TABLE_CHARS);
  }

  /**
   * The comment without its marker, within {@code maxChars}: one environment's part of a comment
   * that shows several ({@link EnvironmentPlansView}).
   */
  static String section(Plan plan, List<ResourceDiff> diffs, Impact impact, int maxChars) {
    return body(plan, diffs, impact, maxChars, Math.min(MAX_TABLE_CHARS, maxChars / 2));
  }

  private static String body(
      Plan plan, List<ResourceDiff> diffs, Impact impact, int maxChars, int maxTableChars) {
    StringBuilder head = new StringBuilder();
    head.append(summary(plan)).append("\n\n");
    head.append(ImpactMarkdown.head(plan, impact));
    plan.warnings().forEach(w -> head.append("> ⚠️ ").append(MarkdownText.cell(w)).append('\n'));
    if (!plan.warnings().isEmpty()) {
      head.append('\n');
    }
    if (plan.hasChanges()) {
      head.append(ChangeTable.render(plan.changes(), diffs, impact, MAX_TABLE_ROWS, maxTableChars))
          .append('\n');
    }
    head.append(approvals(plan));
    String unmanaged =
        PlanSummary.unmanagedLine(plan) == null ? "" : PlanSummary.unmanagedLine(plan) + "\n";
    return head
        + details(plan, diffs, impact, maxChars - head.length() - unmanaged.length(), unmanaged);
  }

  /**
   * The group of resources whose writes wait on PostHog's approvals, each change request linked in
   * PostHog where its host is known, and how many there are.
   */
  private static String approvals(Plan plan) {
    if (plan.approvals().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("**").append(ApprovalText.HEADING).append("**\n\n");
    for (PendingApproval approval : plan.approvals()) {
      out.append("- ⏳ ")
          .append(MarkdownText.cell(ApprovalText.title(approval)))
          .append(": ")
          .append(ApprovalText.sentence(approval, r -> ApprovalLinks.markdown(plan.metadata(), r)))
          .append('\n');
    }
    return out.append('\n').append(PlanSummary.approvalsLine(plan)).append("\n\n").toString();
  }

  private static String summary(Plan plan) {
    PlanMetadata m = plan.metadata();
    String line =
        "**" + PlanSummary.line(plan) + "** · " + MarkdownText.cell(ChangeTitles.project(m));
    if (m.gitCommit() != null) {
      String shortSha = m.gitCommit().substring(0, Math.min(7, m.gitCommit().length()));
      line += " · commit `" + shortSha + "`" + (m.gitDirty() ? " with uncommitted changes" : "");
    }
    if (plan.hasChanges()) {
      line += " · digest `" + PlanDigest.shown(plan) + "`";
    }
    return line;
  }

  /** {@code 1 more change not shown here.}, {@code 3 more changes …}. */
  private static String cutLine(int left) {
    return Counted.of(left, "more change") + " not shown here.\n";
  }

  /** The diff blocks that fit in {@code budget}, then the unmanaged line and the cut line. */
  private static String details(
      Plan plan, List<ResourceDiff> diffs, Impact impact, int budget, String unmanaged) {
    List<Change> changes = plan.changes();
    StringBuilder out = new StringBuilder();
    String cutLineRoom = cutLine(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      String block = detailsBlock(plan, changes.get(i), diffs.get(i), impact);
      boolean last = i == changes.size() - 1;
      int needed = out.length() + block.length() + (last ? 0 : cutLineRoom.length());
      if (needed > budget) {
        out.append(unmanaged);
        return out.append(cutLine(changes.size() - i)).toString();
      }
      out.append(block);
    }
    return out.append(unmanaged).toString();
  }

  private static String detailsBlock(Plan plan, Change change, ResourceDiff diff, Impact impact) {
    String fence = MarkdownText.fenceFor(diff.text());
    StringBuilder replaces = new StringBuilder();
    for (PendingApproval replaced : PlanTextView.replacedBy(plan, change)) {
      replaces
          .append("⏳ ")
          .append(
              ApprovalText.replacesNote(replaced, r -> ApprovalLinks.markdown(plan.metadata(), r)))
          .append("\n\n");
    }
    String impactLine =
        impact
            .of(change.address())
            .map(i -> ImpactWords.markdownLine(i, impact.days()) + "\n\n")
            .orElse("");
    return "<details><summary>"
        + MarkdownText.html(ChangeTable.emoji(change.action()) + " " + ChangeTitles.title(change))
        + "</summary>\n\n"
        + impactLine
        + replaces
        + fence
        + "diff\n"
        + diff.text()
        + fence
        + "\n"
        + "</details>\n\n";
  }
}
