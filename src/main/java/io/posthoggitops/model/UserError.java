package io.posthoggitops.model;

/**
 * A failure whose message says everything the user needs (what, where, what next); the CLI prints
 * it without a stack trace and exits with {@link #exitCode()}.
 */
public class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserError(String message) {
    this(message, 1);
  }

  public UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
