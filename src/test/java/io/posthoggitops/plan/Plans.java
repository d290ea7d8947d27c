package io.posthoggitops.plan;

import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
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
        declarations,
        live,
        removed,
        baseRef,
        prune,
        pruneIgnore,
        targets.stream().map(Plans::address).toList(),
        METADATA);
  }

  /** {@code FeatureFlag/new-checkout} as an address. */
  public static Address address(String text) {
    int slash = text.indexOf('/');
    return new Address(
        Kinds.named(text.substring(0, slash)).orElseThrow(), text.substring(slash + 1));
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
                    + (c.reason() == null ? "" : " (" + reason(c.reason()) + ")"))
        .toList();
  }

  /** A delete's reason as the saved plan writes it: {@code tombstone}, {@code --prune}... */
  static String reason(DeleteReason reason) {
    return switch (reason.cause()) {
      case TOMBSTONE -> "tombstone";
      case REMOVED_SINCE_BASE -> "removed since %s (%s)".formatted(reason.baseRef(), reason.file());
      case PRUNE -> "--prune";
    };
  }
}
