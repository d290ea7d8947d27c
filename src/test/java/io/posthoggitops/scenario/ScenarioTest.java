package io.posthoggitops.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code src/test/resources/scenarios/} is one plan: its stdout must equal
 * {@code expected-plan.txt}, its exit code {@code expected-exit.txt} (default 0), every line of
 * {@code expected-stderr.txt} must appear on stderr (a line ending in {@code …} as a prefix), and a
 * live scenario must send exactly the requests of {@code expected-requests.txt} besides reading
 * live state. {@code -Dscenarios.update=true} rewrites the expected files from the actual output
 * instead of comparing.
 */
class ScenarioTest {

  static final Path ROOT = Path.of("src/test/resources/scenarios");
  private static final boolean UPDATE = Boolean.getBoolean("scenarios.update");

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> folders = Files.list(ROOT)) {
      return folders
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  /** A line ending in {@code …} stands for every line that starts with the text before it. */
  private static boolean matches(String line, String expected) {
    return expected.endsWith("…")
        ? line.startsWith(expected.substring(0, expected.length() - 1))
        : line.equals(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void planPrintsTheExpectedOutputAndExitCode(String name, @TempDir Path work) throws Exception {
    Scenario scenario = new Scenario(ROOT.resolve(name));
    ScenarioRun.Result result = ScenarioRun.run(scenario, work);
    if (UPDATE) {
      scenario.record(result.stdout(), result.stderr(), result.exitCode(), result.requests());
      return;
    }
    assertThat(result.stdout())
        .as("stdout of %s (stderr: %s)", name, result.stderr())
        .isEqualTo(scenario.expectedPlan());
    assertThat(result.exitCode())
        .as("exit code of %s (stderr: %s)", name, result.stderr())
        .isEqualTo(scenario.expectedExit());
    assertThat(result.requests())
        .as("requests of %s besides reading live state", name)
        .isEqualTo(scenario.expectedRequests());
    List<String> stderrLines = result.stderr().lines().toList();
    for (String expected : scenario.expectedStderr()) {
      assertThat(stderrLines).as("stderr of %s", name).anyMatch(line -> matches(line, expected));
    }
  }
}
