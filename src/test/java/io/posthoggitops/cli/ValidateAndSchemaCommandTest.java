package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validate and schema commands as a user runs them: exit codes, stdout/stderr, no network. */
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
  void validatesTheExamplesWithExitZeroAndSendsNoRequest() {
    InProcessCli.Result result =
        launch("validate", "--api-url", apiUrl(), "--project", "4242", "examples/flags");

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(result.stdout()).contains("18 documents valid.");
    assertThat(result.stderr()).doesNotContain("warning");
    assertThat(api.getAllServeEvents()).isEmpty();
  }

  @Test
  void reportsEveryProblemOfABrokenFileWithItsPositionAndSendsNoRequest() {
    InProcessCli.Result result = launch("--api-url", apiUrl(), "validate", BROKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.stderr())
        .contains(
            BROKEN
                + ":12:7: unknown field `rolout_percentage` in `filters.groups[0]`; did you mean `rollout_percentage`?")
        .contains(
            BROKEN + ":47:9: `status` must be one of draft, running, stopped, not `launched`.")
        .contains(BROKEN + ":37:33: warning: Action `Signed up` is not declared")
        .contains("17 errors, 1 warning in 1 file.");
    assertThat(result.stdout()).isEmpty();
    assertThat(api.getAllServeEvents()).isEmpty();
  }

  @Test
  void rejectsAnUnknownFlagAsAUsageError() {
    InProcessCli.Result result = launch("validate", "--strict", "examples/flags");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.stderr()).contains("--strict");
  }

  @Test
  void printsTheJsonSchemaOnStdout() throws Exception {
    InProcessCli.Result result = launch("schema");

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode schema = new ObjectMapper().readTree(result.stdout());
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$defs").has("FlagGroup")).isTrue();
  }

  /** The CLI as users run it, in this JVM, with no environment variables set. */
  private static InProcessCli.Result launch(String... args) {
    return InProcessCli.run(Map.of(), args).trimmed();
  }
}
