package io.posthoggitops.render;

import io.posthoggitops.diff.LeafChange;
import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.plan.Change;
import java.util.List;

/** The markdown table of changes: one row per change with what changes in a few words. */
final class ChangeTable {

  private static final int SHOWN_LEAVES = 2;
  private static final int IDENTITY_WIDTH = 80;

  private ChangeTable() {}

  static String emoji(ChangeAction action) {
    return switch (action) {
      case CREATE -> "➕";
      case UPDATE -> "✏️";
      case DELETE -> "🗑️";
      case NO_OP -> "";
    };
  }

  /**
   * At most {@code maxRows} rows and about {@code maxChars} characters, then {@code … and N more}.
   */
  static String render(List<Change> changes, List<ResourceDiff> diffs, int maxRows, int maxChars) {
    return render(changes, diffs, Impact.NONE, maxRows, maxChars);
  }

  /** With an impact column when {@code impact} is not empty (docs/impact.md#in-the-plan). */
  static String render(
      List<Change> changes, List<ResourceDiff> diffs, Impact impact, int maxRows, int maxChars) {
    StringBuilder out =
        new StringBuilder(
            impact.isEmpty()
                ? "| | kind | resource | change |\n|---|---|---|---|\n"
                : "| | kind | resource | change | impact |\n|---|---|---|---|---|\n");
    int shown = 0;
    while (shown < changes.size() && shown < maxRows && out.length() < maxChars) {
      Change change = changes.get(shown);
      String row = row(change, diffs.get(shown));
      if (!impact.isEmpty()) {
        row =
            row.substring(0, row.length() - 1)
                + " "
                + impact
                    .of(change.address())
                    .map(i -> MarkdownText.cell(ImpactWords.cell(i)))
                    .orElse("")
                + " |\n";
      }
      out.append(row);
      shown++;
    }
    if (shown < changes.size()) {
      out.append("\n… and ").append(changes.size() - shown).append(" more\n");
    }
    return out.toString();
  }

  private static String row(Change change, ResourceDiff diff) {
    String identity = change.identity();
    if (identity.length() > IDENTITY_WIDTH) {
      identity = identity.substring(0, IDENTITY_WIDTH - 1) + "…";
    }
    return "| %s | %s | %s | %s |\n"
        .formatted(
            emoji(change.action()),
            change.kind().name(),
            MarkdownText.cell(identity),
            what(change, diff.leafChanges()));
  }

  /**
   * {@code create}, the kind's removal ({@code soft delete}), or the first changed leaves: {@code
   * `path` 50 → 75}.
   */
  static String what(Change change, List<LeafChange> leaves) {
    if (change.action() == ChangeAction.CREATE) {
      return "create";
    }
    if (change.action() == ChangeAction.DELETE) {
      return change.kind().deletion().verb();
    }
    if (leaves.isEmpty()) {
      return "update";
    }
    StringBuilder out = new StringBuilder();
    for (LeafChange leaf : leaves.subList(0, Math.min(SHOWN_LEAVES, leaves.size()))) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(MarkdownText.code(leaf.path()))
          .append(' ')
          .append(MarkdownText.cell(leaf.beforeText()))
          .append(" → ")
          .append(MarkdownText.cell(leaf.afterText()));
    }
    if (leaves.size() > SHOWN_LEAVES) {
      out.append(", +").append(leaves.size() - SHOWN_LEAVES).append(" more");
    }
    return out.toString();
  }
}
