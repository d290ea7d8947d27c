package io.posthoggitops.render;

import io.posthoggitops.plan.Plan;

/** The saved-plan document (DESIGN.md §6), {@code format_version: 1}; written and read back. */
public final class PlanJson {

  private PlanJson() {}

  public static String write(Plan plan) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Reads a saved plan; a file that does not parse is a {@code UserError} naming the file. */
  public static Plan read(String json, String fileName) {
    throw new UnsupportedOperationException("not built yet");
  }
}
