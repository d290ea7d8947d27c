package io.posthoggitops.render;

import java.util.List;

/**
 * A command's output as a comment: a bold title, the output in a code fence, a link to the workflow
 * run. It stays within {@link PlanMarkdownView#MAX_CHARS} by leaving out lines from the middle, so
 * the first problems and the closing summary both show (docs/ci.md#pull-requests-the-plan-comment).
 */
public final class CommandLogMarkdown {

  private CommandLogMarkdown() {}

  /**
   * @param runUrl the workflow run's page, or null
   */
  public static String render(String title, String log, String runUrl) {
    String head = "**" + MarkdownText.html(title.strip()) + "**\n\n";
    String tail = runUrl == null ? "" : "\n[Workflow run](" + runUrl + ")\n";
    String text = fit(log.strip(), PlanMarkdownView.MAX_CHARS - head.length() - tail.length() - 40);
    if (text.isEmpty()) {
      return head + "(no output)\n" + tail;
    }
    String fence = MarkdownText.fenceFor(text);
    return head + fence + "text\n" + text + "\n" + fence + "\n" + tail;
  }

  /** The text, or its first and last lines around a line saying how many were left out. */
  static String fit(String text, int budget) {
    if (text.length() <= budget) {
      return text;
    }
    List<String> lines = text.lines().toList();
    int half = budget / 2 - 100;
    int first = 0;
    for (int used = 0; first < lines.size() && used + lines.get(first).length() + 1 <= half; ) {
      used += lines.get(first++).length() + 1;
    }
    int last = lines.size();
    for (int used = 0; last > first && used + lines.get(last - 1).length() + 1 <= half; ) {
      used += lines.get(--last).length() + 1;
    }
    return String.join("\n", lines.subList(0, first))
        + "\n… "
        + (last - first)
        + " lines left out here; the workflow run's log has them all …\n"
        + String.join("\n", lines.subList(last, lines.size()));
  }
}
