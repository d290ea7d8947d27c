package io.posthoggitops.render;

import io.posthoggitops.lifecycle.DeclaredFlag;
import io.posthoggitops.lifecycle.LifecycleReport;
import io.posthoggitops.lifecycle.Origin;
import io.posthoggitops.lifecycle.StrayKey;
import io.posthoggitops.render.LifecycleWords.Section;
import java.util.List;
import java.util.Locale;

/**
 * {@code lifecycle} as text and as markdown (docs/commands/lifecycle.md#output): a header, one list
 * per finding with what to do about it, and the count of what was found.
 */
public final class LifecycleView {

  public static final String MARKER = "<!-- posthog-gitops-lifecycle -->";
  private static final int MAX_KEY_COLUMN = 40;

  private LifecycleView() {}

  public static String text(Origin origin, LifecycleReport report) {
    StringBuilder out = new StringBuilder(header(origin, report)).append("\n\n");
    if (report.code() != null) {
      out.append(LifecycleWords.codeLine(report)).append("\n\n");
    }
    int column = keyColumn(report);
    for (Section section : Section.values()) {
      if (section == Section.STRAYS) {
        strays(report.strays(), out);
        continue;
      }
      List<DeclaredFlag> flags = section.flags(report);
      if (flags.isEmpty()) {
        continue;
      }
      out.append(section.heading(report)).append(" (").append(section.advice).append("):\n");
      for (DeclaredFlag flag : flags) {
        String key = "  " + flag.key();
        out.append(key)
            .append(" ".repeat(Math.max(2, column - key.length())))
            .append(flag.source().file())
            .append(':')
            .append(flag.source().line())
            .append("  ")
            .append(LifecycleWords.detail(section, flag, report.days()))
            .append('\n');
      }
      out.append('\n');
    }
    String found = LifecycleWords.found(report);
    return out.append(found == null ? LifecycleWords.nothingFound(report) : "Found: " + found + ".")
        .append('\n')
        .toString();
  }

  private static void strays(List<StrayKey> strays, StringBuilder out) {
    if (strays.isEmpty()) {
      return;
    }
    Section section = Section.STRAYS;
    out.append(section.heading).append(" (").append(section.advice).append("):\n");
    int keys = 0;
    int locations = 0;
    for (StrayKey stray : strays) {
      keys = Math.max(keys, stray.first().key().length() + 4);
      locations = Math.max(locations, stray.first().location().length() + 2);
    }
    for (StrayKey stray : strays) {
      String key = "  " + stray.first().key();
      out.append(key)
          .append(" ".repeat(Math.max(2, keys - key.length())))
          .append(stray.first().location())
          .append(" ".repeat(Math.max(2, locations - stray.first().location().length())))
          .append(LifecycleWords.detail(stray))
          .append('\n');
    }
    out.append('\n');
  }

  static String header(Origin origin, LifecycleReport report) {
    return "posthog-gitops lifecycle · project %d (%s) via %s · %d declared %s · last %d days"
        .formatted(
            origin.projectId(),
            origin.projectName(),
            origin.apiUrl(),
            report.declared(),
            report.declared() == 1 ? "flag" : "flags",
            report.days());
  }

  private static int keyColumn(LifecycleReport report) {
    int widest = 0;
    for (Section section : Section.values()) {
      for (DeclaredFlag flag : section.flags(report)) {
        widest = Math.max(widest, flag.key().length() + 2);
      }
    }
    return Math.min(widest + 2, MAX_KEY_COLUMN);
  }

  public static String markdown(Origin origin, LifecycleReport report) {
    StringBuilder out = new StringBuilder(MARKER).append('\n');
    String found = LifecycleWords.found(report);
    out.append("**")
        .append(found == null ? "Lifecycle: nothing found" : "Lifecycle: " + found)
        .append("** · ")
        .append(
            MarkdownText.cell("project " + origin.projectId() + " (" + origin.projectName() + ")"))
        .append(" · last ")
        .append(report.days())
        .append(" days\n\n");
    if (report.code() != null) {
      out.append(MarkdownText.html(LifecycleWords.codeLine(report))).append("\n\n");
    }
    for (Section section : Section.values()) {
      if (section == Section.STRAYS && !report.strays().isEmpty()) {
        out.append(sectionHead(section, report))
            .append("| key | evaluated in | |\n|---|---|---|\n");
        for (StrayKey stray : report.strays()) {
          out.append(
              "| %s | %s | %s |\n"
                  .formatted(
                      MarkdownText.code(stray.first().key()),
                      MarkdownText.code(stray.first().location()),
                      MarkdownText.cell(LifecycleWords.detail(stray))));
        }
        out.append('\n');
      } else if (!section.flags(report).isEmpty()) {
        out.append(sectionHead(section, report))
            .append("| flag | declared in | |\n|---|---|---|\n");
        for (DeclaredFlag flag : section.flags(report)) {
          out.append(
              "| %s | %s | %s |\n"
                  .formatted(
                      MarkdownText.code(flag.key()),
                      MarkdownText.code(flag.source().file() + ":" + flag.source().line()),
                      MarkdownText.cell(LifecycleWords.detail(section, flag, report.days()))));
        }
        out.append('\n');
      }
    }
    if (found == null) {
      out.append(MarkdownText.html(LifecycleWords.nothingFound(report))).append('\n');
    }
    return out.toString();
  }

  private static String sectionHead(Section section, LifecycleReport report) {
    String advice =
        section.advice.substring(0, 1).toUpperCase(Locale.ROOT) + section.advice.substring(1);
    return "### " + MarkdownText.html(section.heading(report)) + "\n\n" + advice + ".\n\n";
  }
}
