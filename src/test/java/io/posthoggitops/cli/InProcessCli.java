package io.posthoggitops.cli;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * The CLI in-process without CDI, as users see it (error handling, exit codes), with environment
 * variables and a clock of the test's own: picocli's factory fills in what CDI would inject.
 */
public final class InProcessCli {

  private InProcessCli() {}

  public static CommandLine commandLine(Map<String, String> environment, Clock clock) {
    ProcessEnvironment variables =
        new ProcessEnvironment() {
          @Override
          public String get(String name) {
            return environment.get(name);
          }
        };
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            K made = defaults.create(type);
            if (made instanceof PlanCommand plan) {
              plan.environment = variables;
            }
            if (made instanceof LifecycleCommand lifecycle) {
              lifecycle.environment = variables;
              lifecycle.clock = clock;
            }
            return made;
          }
        };
    return CommandLineProducer.withErrorHandling(
        new CommandLine(new PosthogGitopsCommand(), factory));
  }
}
