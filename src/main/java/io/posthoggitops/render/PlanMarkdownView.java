package io.posthoggitops.render;

import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.plan.Change;
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
    return MARKER + "\n" + body(plan, diffs, MAX_CHARS - MARKER.length() - 1, MAX_TABLE_CHARS);
  }

  /**
   * The comment without its marker, within {@code maxChars}: one environment's part of a comment
   * that shows several ({@link EnvironmentPlansView}).
   */
  static String section(Plan plan, List<ResourceDiff> diffs, int maxChars) {
    return body(plan, diffs, maxChars, Math.min(MAX_TABLE_CHARS, maxChars / 2));
  }

  private static String body(Plan plan, List<ResourceDiff> diffs, int maxChars, int maxTableChars) {
    StringBuilder head = new StringBuilder();
    head.append(summary(plan)).append("\n\n");
    plan.warnings().forEach(w -> head.append("> ⚠️ ").append(MarkdownText.cell(w)).append('\n'));
    if (!plan.warnings().isEmpty()) {
      head.append('\n');
    }
    if (plan.hasChanges()) {
      head.append(ChangeTable.render(plan.changes(), diffs, MAX_TABLE_ROWS, maxTableChars))
          .append('\n');
    }
    String unmanaged =
        PlanSummary.unmanagedLine(plan) == null ? "" : PlanSummary.unmanagedLine(plan) + "\n";
    return head
        + details(plan.changes(), diffs, maxChars - head.length() - unmanaged.length(), unmanaged);
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

  /** The diff blocks that fit in {@code budget}, then the unmanaged line and the cut line. */
  private static String details(
      List<Change> changes, List<ResourceDiff> diffs, int budget, String unmanaged) {
    StringBuilder out = new StringBuilder();
    String cutLineRoom = changes.size() + " more changes not shown here.\n";
    for (int i = 0; i < changes.size(); i++) {
      String block = detailsBlock(changes.get(i), diffs.get(i));
      boolean last = i == changes.size() - 1;
      int needed = out.length() + block.length() + (last ? 0 : cutLineRoom.length());
      if (needed > budget) {
        out.append(unmanaged);
        return out.append(changes.size() - i).append(" more changes not shown here.\n").toString();
      }
      out.append(block);
    }
    return out.append(unmanaged).toString();
  }

  private static String detailsBlock(Change change, ResourceDiff diff) {
    String fence = MarkdownText.fenceFor(diff.text());
    return "<details><summary>"
        + MarkdownText.html(ChangeTable.emoji(change.action()) + " " + ChangeTitles.title(change))
        + "</summary>\n\n"
        + fence
        + "diff\n"
        + diff.text()
        + fence
        + "\n"
        + "</details>\n\n";
  }
}
