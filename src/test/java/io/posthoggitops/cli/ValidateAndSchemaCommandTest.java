package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validate and schema commands as a user runs them: exit codes, stdout/stderr, no network. */
@QuarkusMainTest
class ValidateAndSchemaCommandTest {

  private static final String BROKEN =
      "src/test/resources/validation/many-problems-in-one-file/flags.yaml";
  private static WireMockServer api;

  @BeforeAll
  static void startApi() {
    api =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
  }

  private static String apiUrl() {
    return "http://127.0.0.1:" + api.port();
  }

  @AfterAll
  static void stopApi() {
    api.stop();
  }

  @Test
  void validatesTheExamplesWithExitZeroAndSendsNoRequest(QuarkusMainLauncher launcher) {
    LaunchResult result =
        launcher.launch("validate", "--api-url", apiUrl(), "--project", "4242", "examples/flags");

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(result.getOutput()).contains("18 documents valid.");
    assertThat(result.getErrorOutput()).doesNotContain("warning");
    assertThat(api.getAllServeEvents()).isEmpty();
  }

  @Test
  void reportsEveryProblemOfABrokenFileWithItsPositionAndSendsNoRequest(
      QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("--api-url", apiUrl(), "validate", BROKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.getErrorOutput())
        .contains(
            BROKEN
                + ":12:7: unknown field `rolout_percentage` in `filters.groups[0]`; did you mean `rollout_percentage`?")
        .contains(
            BROKEN + ":47:9: `status` must be one of draft, running, stopped, not `launched`.")
        .contains(BROKEN + ":37:33: warning: Action `Signed up` is not declared")
        .contains("17 errors, 1 warning in 1 file.");
    assertThat(result.getOutput()).isEmpty();
    assertThat(api.getAllServeEvents()).isEmpty();
  }

  @Test
  void rejectsAnUnknownFlagAsAUsageError(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("validate", "--strict", "examples/flags");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.getErrorOutput()).contains("--strict");
  }

  @Test
  void printsTheJsonSchemaOnStdout(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result = launcher.launch("schema");

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode schema = new ObjectMapper().readTree(result.getOutput());
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$defs").has("FlagGroup")).isTrue();
  }
}
