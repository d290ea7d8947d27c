package io.posthoggitops.cli;

import java.util.function.Function;

/**
 * Whether the text view is coloured (docs/commands/plan.md#text-the-terminal): only on a terminal,
 * never when {@code NO_COLOR} holds a value (an empty one does not count, as no-color.org says),
 * never for {@code TERM=dumb}.
 */
final class TerminalColour {

  private TerminalColour() {}

  static boolean wanted(Function<String, String> env) {
    return wanted(env, System.console() != null);
  }

  static boolean wanted(Function<String, String> env, boolean terminal) {
    String noColor = env.apply("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.apply("TERM"));
  }
}
