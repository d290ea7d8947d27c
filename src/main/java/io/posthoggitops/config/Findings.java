package io.posthoggitops.config;

import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found while loading, collected so that every one is reported in one run. */
final class Findings {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  void error(SourceLocation location, String message) {
    diagnostics.add(Diagnostic.error(location, message));
  }

  void warning(SourceLocation location, String message) {
    diagnostics.add(Diagnostic.warning(location, message));
  }

  void addAll(List<Diagnostic> found) {
    diagnostics.addAll(found);
  }

  /** In file order, then by position, so output reads top to bottom. */
  List<Diagnostic> sorted(List<String> fileOrder) {
    Comparator<Diagnostic> order =
        Comparator.<Diagnostic>comparingInt(d -> rank(fileOrder, d.location().file()))
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column());
    return diagnostics.stream().sorted(order).toList();
  }

  private static int rank(List<String> fileOrder, String file) {
    int index = fileOrder.indexOf(file);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
