package io.posthoggitops.render;

import io.posthoggitops.impact.Calls;
import io.posthoggitops.impact.ChangeImpact;
import io.posthoggitops.impact.ConditionImpact;
import io.posthoggitops.kind.Usage.ConditionChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of impact every view uses (docs/impact.md#in-the-plan): usage ({@code called 1.2M times
 * by 48k people in 7 days}), the safety warning ({@code still called 12,345 times in 7 days}) and
 * each changed condition ({@code groups[1]: rollout 10 → 50 %: about 16k more people (4k → 20k)}).
 */
final class ImpactWords {

  private ImpactWords() {}

  /**
   * The line under a change in the text view: {@code impact: } and what it says, or the safety
   * warning first, after {@code ⚠}.
   */
  static String textLine(ChangeImpact impact, int days) {
    return (impact.stillCalled() ? "⚠ " : "impact: ") + String.join("; ", parts(impact, days));
  }

  /** The same line in a diff block of the pull-request comment, the warning in bold. */
  static String markdownLine(ChangeImpact impact, int days) {
    List<String> parts = parts(impact, days).stream().map(MarkdownText::html).toList();
    if (!impact.stillCalled()) {
      return "**Impact:** " + String.join("; ", parts);
    }
    String rest = parts.size() == 1 ? "" : "; " + String.join("; ", parts.subList(1, parts.size()));
    return "⚠️ **" + parts.get(0) + "**" + rest;
  }

  /** Usage or the safety warning, then each changed condition. */
  private static List<String> parts(ChangeImpact impact, int days) {
    List<String> parts = new ArrayList<>();
    if (impact.stillCalled()) {
      parts.add(stillCalled(impact.calls(), days));
    } else if (impact.calls() != null) {
      parts.add(usage(impact.calls(), days));
    }
    impact.conditions().forEach(c -> parts.add(condition(c)));
    return parts;
  }

  /** {@code called 1.2M times by 48k people in 7 days}, or {@code not called in 7 days}. */
  static String usage(Calls calls, int days) {
    if (calls.calls() == 0) {
      return "not called in " + days + " days";
    }
    return "called "
        + times(calls.calls(), CompactNumbers.compact(calls.calls()))
        + " by "
        + CompactNumbers.compact(calls.persons())
        + (calls.persons() == 1 ? " person" : " people")
        + " in "
        + days
        + " days";
  }

  /** {@code still called 12,345 times in 7 days (by 4.1k people)}. */
  static String stillCalled(Calls calls, int days) {
    return "still called "
        + times(calls.calls(), CompactNumbers.exact(calls.calls()))
        + " in "
        + days
        + " days (by "
        + CompactNumbers.compact(calls.persons())
        + (calls.persons() == 1 ? " person)" : " people)");
  }

  private static String times(long n, String written) {
    return n == 1 ? "once" : written + " times";
  }

  /** {@code groups[1]: rollout 10 → 50 %: about 16k more people (4k → 20k)}. */
  static String condition(ConditionImpact impact) {
    ConditionChange change = impact.change();
    String where = "groups[" + change.index() + "]";
    String what;
    if (change.added()) {
      what = where + " added";
    } else if (change.removed()) {
      what = where + " removed";
    } else {
      List<String> changed = new ArrayList<>();
      if (change.propertiesChanged()) {
        changed.add("properties changed");
      }
      if (change.rolloutChanged()) {
        changed.add(
            "rollout "
                + CompactNumbers.percentage(change.before())
                + " → "
                + CompactNumbers.percentage(change.after())
                + " %");
      }
      what = where + ": " + String.join(", ", changed);
    }
    return what + ": " + reach(impact);
  }

  private static String reach(ConditionImpact impact) {
    if (!impact.isEstimated()) {
      return "not estimated (" + impact.notEstimated() + ")";
    }
    String unit = impact.change().groups() ? "groups" : "people";
    long difference = impact.difference();
    String before = CompactNumbers.compact(impact.reachedBefore());
    String after = CompactNumbers.compact(impact.reachedAfter());
    if (before.equals(after) && difference != 0) {
      before = CompactNumbers.exact(impact.reachedBefore());
      after = CompactNumbers.exact(impact.reachedAfter());
    }
    if (impact.change().added()) {
      return "about " + after + " " + unit;
    }
    if (impact.change().removed()) {
      return "about " + before + " fewer " + unit;
    }
    if (difference == 0) {
      return "about the same " + unit + " (" + before + ")";
    }
    return "about "
        + CompactNumbers.compact(Math.abs(difference))
        + (difference > 0 ? " more " : " fewer ")
        + unit
        + " ("
        + before
        + " → "
        + after
        + ")";
  }

  /** A markdown table cell: {@code 1.2M calls, 48k people · +16k people}. */
  static String cell(ChangeImpact impact) {
    List<String> parts = new ArrayList<>();
    Calls calls = impact.calls();
    if (impact.stillCalled()) {
      parts.add("⚠️ still called " + CompactNumbers.exact(calls.calls()) + " times");
    } else if (calls != null) {
      parts.add(
          calls.calls() == 0
              ? "no calls"
              : CompactNumbers.compact(calls.calls())
                  + " calls, "
                  + CompactNumbers.compact(calls.persons())
                  + " people");
    }
    if (!impact.conditions().isEmpty()) {
      parts.add(reachCell(impact));
    }
    return String.join(" · ", parts);
  }

  private static String reachCell(ChangeImpact impact) {
    long unestimated = impact.conditions().stream().filter(c -> !c.isEstimated()).count();
    if (!impact.anyEstimated()) {
      return "not estimated";
    }
    long difference = impact.difference();
    String unit = impact.conditions().get(0).change().groups() ? " groups" : " people";
    String reach =
        (difference > 0 ? "+" : difference < 0 ? "−" : "±")
            + CompactNumbers.compact(Math.abs(difference))
            + unit;
    return unestimated == 0 ? reach : reach + " (" + unestimated + " not estimated)";
  }
}
