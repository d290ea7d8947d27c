package io.posthoggitops.github;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the diagnostics a command printed ({@code FILE:LINE:COLUMN: message}, {@code warning: }
 * after the position for warnings, {@code error: message} without one) into GitHub workflow
 * commands, so each shows on the pull request's file at its line. GitHub shows at most 10 errors
 * and 10 warnings of a step; past that one line says how many were left out
 * (docs/ci.md#pull-requests-the-plan-comment).
 */
public final class Annotations {

  static final int MAX_PER_LEVEL = 10;
  private static final Pattern AT_POSITION =
      Pattern.compile(
          "^(?<file>[^:]+):(?<line>\\d+):(?<column>\\d+): (?<warning>warning: )?(?<message>.+)$");
  private static final Pattern WITHOUT_POSITION = Pattern.compile("^error: (?<message>.+)$");

  private Annotations() {}

  /** One workflow command and whether it is an error (0) or a warning (1). */
  private record Annotation(int level, String command) {}

  /**
   * @param from the folder the command ran in: relative paths in {@code log} start there
   * @param workspace the repository root GitHub resolves annotation paths against, or null
   * @return the workflow commands, then a line on what was left out, if anything
   */
  public static List<String> of(List<String> log, Path from, Path workspace) {
    List<String> commands = new ArrayList<>();
    int[] shown = new int[2];
    int[] left = new int[2];
    for (String line : log) {
      Annotation annotation = parse(line, from, workspace);
      if (annotation == null) {
        continue;
      }
      if (shown[annotation.level()] < MAX_PER_LEVEL) {
        shown[annotation.level()]++;
        commands.add(annotation.command());
      } else {
        left[annotation.level()]++;
      }
    }
    if (left[0] + left[1] > 0) {
      commands.add(
          left[0]
              + " more errors and "
              + left[1]
              + " more warnings are not annotated (GitHub shows "
              + MAX_PER_LEVEL
              + " of each per step); the log above lists them all.");
    }
    return commands;
  }

  private static Annotation parse(String line, Path from, Path workspace) {
    Matcher at = AT_POSITION.matcher(line);
    if (at.matches()) {
      boolean warning = at.group("warning") != null;
      return new Annotation(
          warning ? 1 : 0,
          (warning ? "::warning " : "::error ")
              + "file="
              + property(repositoryPath(at.group("file"), from, workspace))
              + ",line="
              + at.group("line")
              + ",col="
              + at.group("column")
              + ",title=posthog-gitops::"
              + data(at.group("message")));
    }
    Matcher plain = WITHOUT_POSITION.matcher(line);
    return plain.matches()
        ? new Annotation(0, "::error title=posthog-gitops::" + data(plain.group("message")))
        : null;
  }

  /** The path from the repository root, with forward slashes, as annotations need. */
  static String repositoryPath(String file, Path from, Path workspace) {
    Path absolute = from.resolve(file).toAbsolutePath().normalize();
    if (workspace != null) {
      Path root = workspace.toAbsolutePath().normalize();
      if (absolute.startsWith(root)) {
        return root.relativize(absolute).toString().replace('\\', '/');
      }
    }
    return file;
  }

  /** Escaping of a workflow command's message, as GitHub's toolkit does it. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escaping of a workflow command's property value. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
