package io.posthoggitops.plan;

import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Apply order (docs/how-plan-decides.md): creates and updates kind by kind in dependency order
 * ({@link Kinds#all()}), referenced objects first within a kind; then deletes in the reverse order,
 * so nothing is deleted while something still points at it. Ties keep declaration order.
 */
final class ChangeOrder {

  private ChangeOrder() {}

  static List<PlannedChange> order(List<PlannedChange> changes) {
    List<PlannedChange> ordered = new ArrayList<>();
    for (Kind kind : Kinds.all()) {
      ordered.addAll(topological(of(changes, kind, false), false));
    }
    List<Kind> reversed = new ArrayList<>(Kinds.all());
    Collections.reverse(reversed);
    for (Kind kind : reversed) {
      ordered.addAll(topological(of(changes, kind, true), true));
    }
    return ordered;
  }

  private static List<PlannedChange> of(List<PlannedChange> changes, Kind kind, boolean deletes) {
    return changes.stream()
        .filter(c -> c.kind() == kind && (c.action() == ChangeAction.DELETE) == deletes)
        .toList();
  }

  /**
   * Kahn's algorithm, always taking the earliest ready change so ties keep input order; when a
   * cycle leaves nothing ready, the earliest change left goes next. With {@code dependentsFirst}, a
   * change waits for the changes that reference it instead. The ready changes are kept in a heap
   * and each placed change releases only its own dependents, so large plans order in n log n.
   */
  private static List<PlannedChange> topological(
      List<PlannedChange> changes, boolean dependentsFirst) {
    List<Set<Integer>> waitsFor = waits(changes, dependentsFirst);
    List<List<Integer>> releases = new ArrayList<>();
    int[] waiting = new int[changes.size()];
    TreeSet<Integer> left = new TreeSet<>();
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < changes.size(); i++) {
      releases.add(new ArrayList<>());
      left.add(i);
    }
    for (int i = 0; i < changes.size(); i++) {
      waiting[i] = waitsFor.get(i).size();
      for (int j : waitsFor.get(i)) {
        releases.get(j).add(i);
      }
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<PlannedChange> placed = new ArrayList<>();
    while (!left.isEmpty()) {
      int next = ready.isEmpty() ? left.first() : ready.poll();
      left.remove(next);
      placed.add(changes.get(next));
      for (int dependent : releases.get(next)) {
        if (--waiting[dependent] == 0 && left.contains(dependent)) {
          ready.add(dependent);
        }
      }
    }
    return placed;
  }

  private static List<Set<Integer>> waits(List<PlannedChange> changes, boolean dependentsFirst) {
    Map<Address, List<Integer>> byAddress = new HashMap<>();
    List<Set<Integer>> waitsFor = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      byAddress.computeIfAbsent(changes.get(i).address(), a -> new ArrayList<>()).add(i);
      waitsFor.add(new HashSet<>());
    }
    for (int i = 0; i < changes.size(); i++) {
      for (Address address : changes.get(i).references()) {
        for (int j : byAddress.getOrDefault(address, List.of())) {
          if (i != j) {
            waitsFor.get(dependentsFirst ? j : i).add(dependentsFirst ? i : j);
          }
        }
      }
    }
    return waitsFor;
  }
}
