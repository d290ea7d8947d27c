package io.posthoggitops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * The CLI as users run it, in this JVM and without CDI: the same command line and error handling,
 * with environment variables from a map (the JVM's own cannot be set from inside it) and, for
 * commands that judge periods, a clock of the test's own. A few milliseconds per run instead of a
 * Quarkus boot.
 */
public final class InProcessCli {

  /** What a run printed and how it exited. */
  public record Result(String stdout, String stderr, int exitCode) {
    /** Both streams, for assertions about everything shown. */
    public String output() {
      return stdout + stderr;
    }

    /** The streams without their trailing line ends, as a launched process's lines read. */
    public Result trimmed() {
      return new Result(stdout.stripTrailing(), stderr.stripTrailing(), exitCode);
    }
  }

  private InProcessCli() {}

  public static Result run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = commandLine(env, Clock.systemUTC());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(out.toString(), err.toString(), exit);
  }

  /** The command line itself, for a caller that sets its own streams. */
  public static CommandLine commandLine(Map<String, String> env, Clock clock) {
    ProcessEnvironment environment =
        new ProcessEnvironment() {
          @Override
          public String get(String name) {
            return env.get(name);
          }
        };
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            K made = defaults.create(type);
            if (made instanceof PlanCommand plan) {
              plan.environment = environment;
            } else if (made instanceof ApplyCommand apply) {
              apply.environment = environment;
            } else if (made instanceof ExportCommand export) {
              export.environment = environment;
            } else if (made instanceof LifecycleCommand lifecycle) {
              lifecycle.environment = environment;
              lifecycle.clock = clock;
            }
            return made;
          }
        };
    return CommandLineProducer.withErrorHandling(
        new CommandLine(PosthogGitopsCommand.class, factory));
  }
}
