package io.posthoggitops.render;

import io.posthoggitops.impact.ChangeImpact;
import io.posthoggitops.kind.ChangeAction;

/** ANSI colours for the text view: green adds, yellow updates, red deletes, cyan hunk headers. */
enum Palette {
  PLAIN(false),
  ANSI(true);

  private static final String RESET = "\u001B[0m";
  private static final String GREEN = "\u001B[32m";
  private static final String YELLOW = "\u001B[33m";
  private static final String RED = "\u001B[31m";
  private static final String CYAN = "\u001B[36m";

  private final boolean enabled;

  Palette(boolean enabled) {
    this.enabled = enabled;
  }

  String forAction(ChangeAction action, String text) {
    return switch (action) {
      case CREATE -> paint(GREEN, text);
      case UPDATE -> paint(YELLOW, text);
      case DELETE -> paint(RED, text);
      case NO_OP -> text;
    };
  }

  String forDiffLine(String line) {
    if (line.startsWith("+ ")) {
      return paint(GREEN, line);
    }
    if (line.startsWith("- ")) {
      return paint(RED, line);
    }
    return line.startsWith("@@ ") ? paint(CYAN, line) : line;
  }

  /** An impact line; red when it warns of a flag switched off while still called. */
  String forImpact(ChangeImpact impact, int days) {
    String line = ImpactWords.textLine(impact, days);
    return impact.stillCalled() ? paint(RED, line) : line;
  }

  private String paint(String colour, String text) {
    return enabled ? colour + text + RESET : text;
  }
}
