package io.posthoggitops.render;

import io.posthoggitops.impact.Calls;
import io.posthoggitops.kind.Usage.Standing;
import io.posthoggitops.lifecycle.DeclaredFlag;
import io.posthoggitops.lifecycle.LifecycleReport;
import io.posthoggitops.lifecycle.StrayKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The words of {@code lifecycle} in every view (docs/commands/lifecycle.md#output). */
final class LifecycleWords {

  /** One list of the report: its heading, the advice, and each entry's detail. */
  enum Section {
    DEAD("Dead: not called in %d days", "delete the flag, then any code left"),
    FULLY_ROLLED_OUT(
        "Fully rolled out, unchanged for %d days", "remove the flag from the code, then delete it"),
    INACTIVE("Inactive: disabled or archived for %d days", "delete the flag, and its code"),
    UNREFERENCED("Declared, but no code under %s names them", "check, then delete the flag"),
    STRAYS(
        "Keys in code that no declaration names",
        "fix the typo, or remove the code of a deleted flag");

    final String heading;
    final String advice;

    Section(String heading, String advice) {
      this.heading = heading;
      this.advice = advice;
    }

    String heading(LifecycleReport report) {
      return this == UNREFERENCED
          ? heading.formatted(report.code().folder())
          : heading.formatted(report.days());
    }

    List<DeclaredFlag> flags(LifecycleReport report) {
      return switch (this) {
        case DEAD -> report.dead();
        case FULLY_ROLLED_OUT -> report.fullyRolledOut();
        case INACTIVE -> report.inactive();
        case UNREFERENCED -> report.unreferenced();
        case STRAYS -> List.of();
      };
    }
  }

  private LifecycleWords() {}

  /** What is known of a flag in its section, e.g. {@code never called, created 2025-04-18}. */
  static String detail(Section section, DeclaredFlag flag, int days) {
    Standing standing = flag.standing();
    if (standing == null) {
      return "not in PostHog yet";
    }
    List<String> parts = new ArrayList<>();
    switch (section) {
      case DEAD -> {
        parts.add(
            standing.lastCalledAt().map(t -> "last called " + date(t)).orElse("never called"));
        standing.createdAt().ifPresent(t -> parts.add("created " + date(t)));
      }
      case FULLY_ROLLED_OUT -> {
        parts.add("serves everyone" + since(standing));
        parts.add(calls(flag.calls(), standing, days));
      }
      case INACTIVE -> {
        parts.add((standing.archived() ? "archived" : "disabled") + since(standing));
        if (flag.calls() != null && flag.calls().calls() > 0) {
          parts.add("still called " + times(flag.calls()) + " in " + days + " days");
        }
      }
      case UNREFERENCED -> {
        if (flag.calls() != null) {
          parts.add(
              flag.calls().calls() == 0
                  ? "not called in " + days + " days"
                  : "called " + times(flag.calls()) + " in " + days + " days");
        }
      }
      case STRAYS -> {}
    }
    return String.join(", ", parts);
  }

  /**
   * {@code not in PostHog; did you mean new-checkout? (isFeatureEnabled)}, with the number of
   * places when more than one.
   */
  static String detail(StrayKey stray) {
    String why =
        switch (stray.why()) {
          case NOT_IN_POSTHOG -> "not in PostHog";
          case NOT_DECLARED -> "in PostHog, not declared here";
          case DELETED_HERE -> "its declaration deletes it";
        };
    String hint = stray.suggestion() == null ? "" : "; did you mean " + stray.suggestion() + "?";
    String places = stray.places() > 1 ? ", " + stray.places() + " places" : "";
    return why + hint + " (" + stray.first().call() + places + ")";
  }

  /** {@code 1 dead, 2 fully rolled out, …}, or null when nothing was found. */
  static String found(LifecycleReport report) {
    if (!report.foundAnything()) {
      return null;
    }
    List<String> counts = new ArrayList<>();
    add(counts, report.dead().size(), "dead");
    add(counts, report.fullyRolledOut().size(), "fully rolled out");
    add(counts, report.inactive().size(), "inactive");
    add(counts, report.unreferenced().size(), "not named in code");
    add(
        counts,
        report.strays().size(),
        report.strays().size() == 1 ? "key no declaration names" : "keys no declaration names");
    return String.join(", ", counts);
  }

  /** The line when nothing was found. */
  static String nothingFound(LifecycleReport report) {
    return "Nothing found: no declared flag is dead, fully rolled out or inactive for "
        + report.days()
        + " days"
        + (report.code() == null
            ? "."
            : ", and the code under "
                + report.code().folder()
                + " names every declared flag and no other.");
  }

  /** {@code 41 source files read under src (1 over 1 MB or unreadable, skipped).} */
  static String codeLine(LifecycleReport report) {
    return report.code().files()
        + (report.code().files() == 1 ? " source file" : " source files")
        + " read under "
        + report.code().folder()
        + (report.code().skipped() == 0
            ? "."
            : " (" + report.code().skipped() + " over 1 MB or unreadable, skipped).");
  }

  private static void add(List<String> counts, int n, String what) {
    if (n > 0) {
      counts.add(n + " " + what);
    }
  }

  private static String since(Standing standing) {
    Optional<Instant> changed = standing.changedAt().or(standing::createdAt);
    return changed.map(t -> ", unchanged since " + date(t)).orElse("");
  }

  private static String calls(Calls calls, Standing standing, int days) {
    if (calls != null) {
      return "called " + times(calls) + " in " + days + " days";
    }
    return standing.lastCalledAt().map(t -> "last called " + date(t)).orElse("never called");
  }

  private static String times(Calls calls) {
    return calls.calls() == 1 ? "once" : CompactNumbers.compact(calls.calls()) + " times";
  }

  static String date(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
