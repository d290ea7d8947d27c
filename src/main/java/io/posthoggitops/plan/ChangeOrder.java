package io.posthoggitops.plan;

import io.posthoggitops.model.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Apply order (DESIGN.md §5): creates and updates by kind (actions, cohorts, flags, experiments,
 * dashboards), referenced objects first within a kind; then deletes in the reverse order, so
 * nothing is deleted while something still points at it. Ties keep declaration order.
 */
final class ChangeOrder {

  private ChangeOrder() {}

  static List<PlannedChange> order(List<PlannedChange> changes) {
    List<PlannedChange> ordered = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      ordered.addAll(topological(of(changes, kind, false), (a, b) -> a.references().contains(b.address())));
    }
    List<Kind> reversed = new ArrayList<>(List.of(Kind.values()));
    Collections.reverse(reversed);
    for (Kind kind : reversed) {
      ordered.addAll(topological(of(changes, kind, true), (a, b) -> b.references().contains(a.address())));
    }
    return ordered;
  }

  private static List<PlannedChange> of(List<PlannedChange> changes, Kind kind, boolean deletes) {
    return changes.stream()
        .filter(c -> c.kind() == kind && (c.action() == ChangeAction.DELETE) == deletes)
        .toList();
  }

  /** Stable: repeatedly takes the first change whose prerequisites are placed; a cycle keeps input order. */
  private static List<PlannedChange> topological(List<PlannedChange> changes, BiPredicate<PlannedChange, PlannedChange> needs) {
    List<PlannedChange> left = new ArrayList<>(changes);
    List<PlannedChange> placed = new ArrayList<>();
    while (!left.isEmpty()) {
      int next = 0;
      for (int i = 0; i < left.size(); i++) {
        PlannedChange candidate = left.get(i);
        if (left.stream().noneMatch(other -> other != candidate && needs.test(candidate, other))) {
          next = i;
          break;
        }
      }
      placed.add(left.remove(next));
    }
    return placed;
  }
}
