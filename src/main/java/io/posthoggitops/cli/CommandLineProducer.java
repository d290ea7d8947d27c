package io.posthoggitops.cli;

import io.posthoggitops.kind.Suggestions;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the CDI-aware command line and maps failures to the exit codes in {@link ExitCode}. */
@ApplicationScoped
public class CommandLineProducer {

  @Produces
  CommandLine commandLine(PicocliCommandLineFactory factory) {
    return withErrorHandling(factory.create());
  }

  /**
   * Usage errors print one line and the help hint (exit 64); other failures go through {@link
   * ErrorReporter}. Public so an in-process run without CDI reports errors exactly as users see
   * them.
   */
  public static CommandLine withErrorHandling(CommandLine cl) {
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("error: " + message(ex));
          c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(new ErrorReporter());
    CommandLine.IExecutionStrategy inner = cl.getExecutionStrategy();
    cl.setExecutionStrategy(parseResult -> ErrorReporter.withinMemory(inner, parseResult));
    return cl;
  }

  /** Picocli's message, with "did you mean" for a mistyped command or option. */
  private static String message(ParameterException ex) {
    if (!(ex instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return ex.getMessage();
    }
    String given = unmatched.getUnmatched().get(0);
    CommandLine c = ex.getCommandLine();
    if (given.startsWith("-")) {
      String name = given.contains("=") ? given.substring(0, given.indexOf('=')) : given;
      return ex.getMessage()
          + Suggestions.didYouMean(name, c.getCommandSpec().optionsMap().keySet());
    }
    if (!c.getSubcommands().isEmpty() && c.getCommandSpec().positionalParameters().isEmpty()) {
      return "unknown command '"
          + given
          + "'"
          + Suggestions.orPeriod(given, c.getSubcommands().keySet());
    }
    return ex.getMessage();
  }
}
