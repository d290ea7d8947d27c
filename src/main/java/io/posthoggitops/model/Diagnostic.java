package io.posthoggitops.model;

/**
 * One problem found in the declarations, reported with its exact position, or in a command-line
 * argument (no position).
 *
 * @param location where the problem is, or null for a command-line argument
 */
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

  /** A problem with a command-line argument, e.g. a {@code --target} that names nothing. */
  public static Diagnostic argument(String message) {
    return new Diagnostic(Severity.ERROR, null, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code FILE:LINE:COLUMN: message}, warnings prefixed with {@code warning: }; a problem with an
   * argument as {@code error: message}.
   */
  public String format() {
    String level = isError() ? "" : "warning: ";
    return location == null ? "error: " + message : location + ": " + level + message;
  }
}
