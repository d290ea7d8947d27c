package io.posthoggitops.plan;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveState;
import java.util.List;

/**
 * Runs the planner the way the CLI does, with requests left empty (they are tested on their own).
 */
public final class Plans {
  static final PlanMetadata METADATA =
      new PlanMetadata(1, "test", "https://api.example.test", 4242, "Acme Web", null, false, null);

  private Plans() {}

  public static PlanResult plan(List<Declaration> declarations, LiveState live) {
    return run(input(declarations, live, List.of(), null, false, List.of(), List.of()));
  }

  public static PlanInput input(
      List<Declaration> declarations,
      LiveState live,
      List<Declaration> removed,
      String baseRef,
      boolean prune,
      List<String> pruneIgnore,
      List<String> targets) {
    return new PlanInput(
        declarations, live, removed, baseRef, prune, pruneIgnore, targets, METADATA);
  }

  public static PlanResult run(PlanInput input) {
    return Planner.plan(input, (kind, action, live, before, after, refs) -> List.of());
  }

  /** Plan lines {@code + Kind/identity (reason)} in order, for assertions that read like a plan. */
  public static List<String> lines(PlanResult result) {
    return result.plan().changes().stream()
        .map(
            c ->
                c.action().symbol()
                    + " "
                    + c.address()
                    + (c.reason() == null ? "" : " (" + c.reason() + ")"))
        .toList();
  }
}
