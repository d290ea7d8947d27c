package io.posthoggitops.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.cli.InProcessCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code lifecycle} on a sample shop ({@code src/test/resources/lifecycle/sample}): its YAML, its
 * live flags on a loopback PostHog that answers the usage query, and its source tree. The output
 * must equal {@code expected.txt}, {@code expected.md} and {@code expected.json}; {@code
 * -Dscenarios.update=true} rewrites them instead.
 */
class LifecycleSampleTest {

  private static final Path SAMPLE = Path.of("src/test/resources/lifecycle/sample");
  private static final Clock JUNE_2026 =
      Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final boolean UPDATE = Boolean.getBoolean("scenarios.update");

  private record Run(String stdout, String stderr, int exitCode, List<String> requests) {}

  private static Run lifecycle(Path answers, String... args) throws IOException {
    Path root = SAMPLE.toAbsolutePath();
    try (LoopbackPostHog posthog = LoopbackPostHog.start(root.resolve("live.json"), answers)) {
      List<String> line =
          new ArrayList<>(
              List.of("lifecycle", root.resolve("posthog").toString(), "--api-url", posthog.url()));
      for (String arg : args) {
        line.add(arg.replace("{sample}", root.toString()));
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl =
          InProcessCli.commandLine(Map.of("MATON_API_KEY", "phx_sample_not_secret"), JUNE_2026);
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(line.toArray(String[]::new));
      String cut = root + "/";
      return new Run(
          out.toString().replace(cut, "").replace(posthog.url(), ScenarioRun.LOOPBACK),
          err.toString().replace(cut, "").replace(posthog.url(), ScenarioRun.LOOPBACK),
          exit,
          posthog.writesAndAdvice());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"text, expected.txt", "markdown, expected.md", "json, expected.json"})
  void findsDeadFullyRolledOutInactiveAndUnnamedFlagsAndStrayKeys(String format, String expected)
      throws IOException {
    Run run =
        lifecycle(
            SAMPLE.resolve("posthog.json"),
            "--code",
            "{sample}/app",
            "--format",
            format,
            "--detailed-exitcode");

    if (UPDATE) {
      Files.writeString(SAMPLE.resolve(expected), run.stdout());
      return;
    }
    assertThat(run.stdout()).as(run.stderr()).isEqualTo(Files.readString(SAMPLE.resolve(expected)));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.requests())
        .hasSize(1)
        .allMatch(r -> r.startsWith("POST /api/projects/12345/query/ "));
  }

  @Test
  void withoutCodeOnlyUsageIsJudgedAndFindingsExitZeroWithoutDetailedExitcode() throws IOException {
    Run run = lifecycle(SAMPLE.resolve("posthog.json"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .contains("Dead: not called in 30 days")
        .doesNotContain("Keys in code")
        .endsWith("Found: 1 dead, 1 fully rolled out, 1 inactive.\n");
  }

  @Test
  void whenTheQueryFailsFlagsAreJudgedByTheLastCallPostHogRecorded(@TempDir Path work)
      throws IOException {
    Path throttled = work.resolve("posthog.json");
    Files.writeString(
        throttled,
        "{\"query\": {\"status\": 429, \"body\": {\"detail\": \"Request was throttled. Expected"
            + " available in 900 seconds.\"}}}");

    Run run = lifecycle(throttled, "--days", "60");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stderr())
        .contains(
            "warning: calls not counted: POST /api/projects/12345/query/ failed with 429 (Request"
                + " was throttled. Expected available in 900 seconds.)");
    assertThat(run.stdout()).contains("pdf-export-beta").contains("last 60 days");
    assertThat(run.requests()).hasSize(1);
  }

  @Test
  void aPeriodOutOfRangeIsAUsageError() throws IOException {
    Run run = lifecycle(SAMPLE.resolve("posthog.json"), "--days", "0");

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.stderr())
        .contains("error: --days 0 is out of range; give a number of days from 1 to 3650.");
    assertThat(run.requests()).isEmpty();
  }
}
