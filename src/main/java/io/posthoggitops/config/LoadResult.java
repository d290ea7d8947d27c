package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import java.util.List;

/**
 * Declarations read from files, every problem found on the way (errors and warnings), and the files
 * that hold documents in any environment, including those left out of this one by {@code only:}
 * (docs/format/environments.md).
 */
public record LoadResult(
    List<Declaration> declarations, List<Diagnostic> diagnostics, List<String> files) {

  public LoadResult(List<Declaration> declarations, List<Diagnostic> diagnostics) {
    this(
        declarations,
        diagnostics,
        declarations.stream().map(d -> d.location().file()).distinct().toList());
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
