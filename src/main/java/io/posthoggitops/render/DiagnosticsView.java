package io.posthoggitops.render;

import io.posthoggitops.model.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems found in declarations as {@code FILE:LINE:COLUMN: message}, one per line. */
public final class DiagnosticsView {

  private DiagnosticsView() {}

  /**
   * @return how many of them are errors
   */
  public static long print(List<Diagnostic> diagnostics, PrintWriter err) {
    diagnostics.forEach(d -> err.println(d.format()));
    err.flush();
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }
}
