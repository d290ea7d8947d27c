package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run that exhausts memory or stack ends in one error line, the trace only with -e. */
class OutOfMemoryTest {

  private static String run(Error error, String... args) {
    CommandLine cl =
        CommandLineProducer.withErrorHandling(new CommandLine(new PosthogGitopsCommand()));
    CommandLine.IExecutionStrategy failing =
        parseResult -> {
          throw error;
        };
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    CommandLine.ParseResult parsed = cl.parseArgs(args);
    int exit = ErrorReporter.withinMemory(failing, parsed);
    assertThat(exit).isEqualTo(ExitCode.ERROR);
    return err.toString();
  }

  @Test
  void outOfMemoryIsOneLineWithoutATrace() {
    String err = run(new OutOfMemoryError("Java heap space"), "validate");

    assertThat(err)
        .isEqualTo(
            "error: posthog-gitops ran out of memory and stopped; nothing more was sent. An input"
                + " is far larger than any real project: check the files and the API URL, or give"
                + " Java more memory (JAVA_TOOL_OPTIONS=-Xmx2g).\n");
  }

  @Test
  void aStackOverflowShowsItsTraceOnlyWithErrors() {
    assertThat(run(new StackOverflowError(), "validate"))
        .contains("ran out of stack")
        .hasLineCount(1);
    assertThat(run(new StackOverflowError(), "-e", "validate"))
        .contains("java.lang.StackOverflowError");
  }
}
