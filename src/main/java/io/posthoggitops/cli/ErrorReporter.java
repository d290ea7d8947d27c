package io.posthoggitops.cli;

import io.posthoggitops.live.ApiException;
import io.posthoggitops.model.UserError;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and exit 1; the stack trace only
 * with {@code -e/--errors}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
    cl.getErr().println("error: " + message);
    if (wantsStackTrace(parseResult)) {
      ex.printStackTrace(cl.getErr());
    } else if (!(ex instanceof ApiException) && !(ex instanceof UserError)) {
      cl.getErr().println("(run again with -e for the stack trace)");
    }
    cl.getErr().flush();
    return ex instanceof UserError ue ? ue.exitCode() : ExitCode.ERROR;
  }

  /**
   * Runs the command; running out of memory or stack (an input far beyond any real one) is one
   * error line too, never a JVM stack trace, unless {@code -e} asks for it.
   */
  static int withinMemory(CommandLine.IExecutionStrategy strategy, ParseResult parseResult) {
    try {
      return strategy.execute(parseResult);
    } catch (OutOfMemoryError | StackOverflowError e) {
      CommandLine cl = parseResult.commandSpec().commandLine();
      cl.getErr()
          .println(
              "error: posthog-gitops ran out of "
                  + (e instanceof OutOfMemoryError ? "memory" : "stack")
                  + " and stopped; nothing more was sent. An input is far larger than any real"
                  + " project: check the files and the API URL, or give Java more memory"
                  + " (JAVA_TOOL_OPTIONS=-Xmx2g).");
      if (wantsStackTrace(parseResult)) {
        e.printStackTrace(cl.getErr());
      }
      cl.getErr().flush();
      return ExitCode.ERROR;
    }
  }

  private static boolean wantsStackTrace(ParseResult parseResult) {
    ParseResult r = parseResult;
    while (r != null) {
      if (r.hasMatchedOption("--errors")) {
        return true;
      }
      r = r.subcommand();
    }
    return false;
  }
}
