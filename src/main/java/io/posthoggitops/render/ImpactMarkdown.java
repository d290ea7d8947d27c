package io.posthoggitops.render;

import io.posthoggitops.impact.ChangeImpact;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * Impact at the top of the pull-request comment (docs/impact.md#in-the-plan): the totals, then one
 * line for each flag the plan switches off while code still calls it, so a reviewer sees them
 * before the table.
 */
final class ImpactMarkdown {

  /** More warnings than this would push the table out of sight; the table still marks each. */
  static final int MAX_WARNINGS = 20;

  private ImpactMarkdown() {}

  /** Nothing when there is no impact, so the comment is then as without it. */
  static String head(Plan plan, Impact impact) {
    if (impact.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(totals(plan, impact)).append("\n\n");
    int warned = 0;
    for (Change change : plan.changes()) {
      ChangeImpact of = impact.of(change.address()).orElse(null);
      if (of == null || !of.stillCalled()) {
        continue;
      }
      if (++warned <= MAX_WARNINGS) {
        out.append("> ⚠️ **")
            .append(MarkdownText.cell(ChangeTitles.title(change)))
            .append("** is ")
            .append(ImpactWords.stillCalled(of.calls(), impact.days()))
            .append(", and this plan ")
            .append(change.action() == ChangeAction.DELETE ? "deletes it" : "switches it off")
            .append(".\n");
      }
    }
    if (warned > MAX_WARNINGS) {
      out.append("> ⚠️ … and ")
          .append(warned - MAX_WARNINGS)
          .append(" more flags still called that this plan switches off (marked in the table).\n");
    }
    return out.append(warned > 0 ? "\n" : "").toString();
  }

  /** {@code **Impact, last 7 days:** 3 changed flags called 1.3M times · about 16k more …}. */
  private static String totals(Plan plan, Impact impact) {
    long calls = 0;
    long difference = 0;
    boolean estimated = false;
    int stillCalled = 0;
    for (ChangeImpact of : impact.changes().values()) {
      calls += of.calls() == null ? 0 : of.calls().calls();
      difference += of.difference();
      estimated |= of.anyEstimated();
      stillCalled += of.stillCalled() ? 1 : 0;
    }
    int flags = impact.changes().size();
    List<String> parts = new ArrayList<>();
    parts.add(
        flags
            + (flags == 1 ? " changed flag " : " changed flags ")
            + (calls == 0
                ? "not called"
                : "called " + CompactNumbers.compact(calls) + (calls == 1 ? " time" : " times")));
    if (estimated) {
      parts.add(
          difference == 0
              ? "about the same people reached"
              : "about "
                  + CompactNumbers.compact(Math.abs(difference))
                  + (difference > 0 ? " more" : " fewer")
                  + " people reached");
    }
    if (stillCalled > 0) {
      parts.add("⚠️ " + stillCalled + " switched off while still called");
    }
    return "**Impact, last " + impact.days() + " days:** " + String.join(" · ", parts);
  }
}
