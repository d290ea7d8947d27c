package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import java.util.List;

/** Declarations read from files, and every problem found on the way (errors and warnings). */
public record LoadResult(List<Declaration> declarations, List<Diagnostic> diagnostics) {

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
