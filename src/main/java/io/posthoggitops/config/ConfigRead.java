package io.posthoggitops.config;

import io.posthoggitops.model.Diagnostic;
import java.util.List;

/** The config file as read, and every problem found in it (each at its position). */
public record ConfigRead(ProjectConfig config, List<Diagnostic> diagnostics) {

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
