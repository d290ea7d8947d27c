package io.posthoggitops.model;

/** One problem found in the declarations, reported with its exact position. */
public record Diagnostic(Severity severity, SourceLocation location, String message) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public static Diagnostic error(SourceLocation location, String message) {
    return new Diagnostic(Severity.ERROR, location, message);
  }

  public static Diagnostic warning(SourceLocation location, String message) {
    return new Diagnostic(Severity.WARNING, location, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code FILE:LINE:COLUMN: message}, warnings prefixed with {@code warning: }. */
  public String format() {
    return location + ": " + (isError() ? "" : "warning: ") + message;
  }
}
