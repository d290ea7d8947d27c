package io.posthoggitops.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

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
          c.getErr().println("error: " + ex.getMessage());
          c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(new ErrorReporter());
    CommandLine.IExecutionStrategy inner = cl.getExecutionStrategy();
    cl.setExecutionStrategy(parseResult -> ErrorReporter.withinMemory(inner, parseResult));
    return cl;
  }
}
