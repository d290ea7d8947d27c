package io.posthoggitops.config;

import io.posthoggitops.model.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Depth-first search for reference cycles among objects of one kind; reports each back edge once.
 */
final class CycleFinder {

  private final Map<String, List<ReferenceUse>> edges;
  private final Kind kind;
  private final Findings findings;
  private final Set<String> done = new HashSet<>();
  private final List<String> path = new ArrayList<>();

  CycleFinder(Map<String, List<ReferenceUse>> edges, Kind kind, Findings findings) {
    this.edges = edges;
    this.kind = kind;
    this.findings = findings;
  }

  void run() {
    for (String start : edges.keySet()) {
      visit(start);
    }
  }

  private void visit(String node) {
    if (done.contains(node)) {
      return;
    }
    path.add(node);
    for (ReferenceUse use : edges.getOrDefault(node, List.of())) {
      int onPath = path.indexOf(use.name());
      if (onPath >= 0) {
        report(use, onPath);
      } else {
        visit(use.name());
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
  }

  private void report(ReferenceUse use, int cycleStart) {
    List<String> cycle = new ArrayList<>(path.subList(cycleStart, path.size()));
    cycle.add(use.name());
    String noun = kind == Kind.COHORT ? "cohort" : "flag";
    findings.error(
        use.location(),
        noun
            + " reference cycle: "
            + String.join(" → ", cycle)
            + "; a "
            + noun
            + " cannot depend on itself, directly or through others.");
  }
}
