package io.posthoggitops.config;

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
  private final String noun;
  private final Findings findings;
  private final Set<String> done = new HashSet<>();
  private final List<String> path = new ArrayList<>();

  /**
   * @param noun what an object of the kind is called, e.g. {@code cohort}
   */
  CycleFinder(Map<String, List<ReferenceUse>> edges, String noun, Findings findings) {
    this.edges = edges;
    this.noun = noun;
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
