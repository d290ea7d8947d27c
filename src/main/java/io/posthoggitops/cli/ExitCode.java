package io.posthoggitops.cli;

/** Every exit code the CLI returns, in one place (docs/commands/README.md#exit-codes). */
public final class ExitCode {
  /** Valid, no changes, applied, or a plan with changes without --detailed-exitcode. */
  public static final int OK = 0;

  /** Invalid YAML, API or network error, partial apply. */
  public static final int ERROR = 1;

  /** {@code plan --detailed-exitcode}: the plan has changes. */
  public static final int CHANGES = 2;

  /** {@code lifecycle --detailed-exitcode}: something was found. */
  public static final int FOUND = 2;

  /** {@code apply} without {@code --approve} and the plan has changes: nothing written. */
  public static final int NOT_APPROVED = 3;

  /** {@code apply --plan FILE}: the saved plan is stale; nothing written. */
  public static final int STALE_PLAN = 4;

  /**
   * {@code apply}: applied what could be applied; changes await approval in PostHog (change
   * requests, docs/approvals.md), or wait for those.
   */
  public static final int AWAITING_APPROVAL = 5;

  /** Usage error: unknown flag, bad argument. */
  public static final int USAGE = 64;

  private ExitCode() {}
}
