package io.posthoggitops.plan;

import io.posthoggitops.model.Diagnostic;
import java.util.List;

/** A plan, or the errors that prevent one (unresolved references, ambiguous live names...). */
public record PlanResult(Plan plan, List<Diagnostic> diagnostics) {

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
