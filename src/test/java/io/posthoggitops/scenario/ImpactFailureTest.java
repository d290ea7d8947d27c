package io.posthoggitops.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Impact is advisory: whatever goes wrong with it, {@code plan --impact} prints byte for byte the
 * plan it prints without impact, with the same exit code and one warning, and sends the HogQL query
 * once, never again.
 */
class ImpactFailureTest {

  private static final Path BASE =
      ScenarioTest.ROOT.resolve("flag-impact-usage-and-reach-under-each-change");
  private static final String QUERY_OK =
      "\"query\": {\"status\": 200, \"body\": {\"columns\": [\"key\", \"calls\", \"persons\"],"
          + " \"results\": [[\"new-checkout-flow\", 1200, 300]], \"hasMore\": false}}";

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "the query is throttled",
            "{\"query\": {\"status\": 429, \"body\": {\"type\": \"throttled_error\", \"code\":"
                + " \"throttled\", \"detail\": \"Request was throttled. Expected available in 1800"
                + " seconds.\", \"attr\": null}}}",
            "warning: impact not shown: POST /api/projects/12345/query/ failed with 429 (Request"
                + " was throttled. Expected available in 1800 seconds.): PostHog allows 120 HogQL"
                + " queries an hour per personal API key, shared with everything else that uses the"
                + " key; run again later. The plan is shown without it."),
        Arguments.of(
            "HogQL cannot run the query",
            "{\"query\": {\"status\": 400, \"body\": {\"type\": \"validation_error\", \"code\":"
                + " \"invalid_input\", \"detail\": \"Unable to resolve field: person_id\","
                + " \"attr\": null}}}",
            "warning: impact not shown: POST /api/projects/12345/query/ failed with 400 (Unable to"
                + " resolve field: person_id): PostHog could not run the usage query (its detail"
                + " says why). The plan is shown without it."),
        Arguments.of(
            "the proxy does not pass the query endpoint on",
            "{\"query\": {\"status\": 404, \"body\": \"<html><body>Not Found</body></html>\"}}",
            "warning: impact not shown: POST /api/projects/12345/query/ failed with 404: this API"
                + " URL does not serve that endpoint (a proxy may not pass it on); use a PostHog"
                + " host instead (--api-url https://us.posthog.com with POSTHOG_API_KEY). The plan"
                + " is shown without it."),
        Arguments.of(
            "the query gets no answer",
            "{\"query\": {\"drop\": true}}",
            "warning: impact not shown: POST /api/projects/12345/query/ got no answer from"
                + " 127.0.0.1 after 1 attempt…"),
        Arguments.of(
            "the query is still running",
            "{\"query\": {\"status\": 202, \"body\": {\"results\": null, \"query_status\":"
                + " {\"complete\": false}}}}",
            "warning: impact not shown: PostHog answered the usage query without rows (it is still"
                + " running); run again later. The plan is shown without it."),
        Arguments.of(
            "the blast-radius endpoint is not served",
            "{" + QUERY_OK + "}",
            "warning: impact not shown: POST"
                + " /api/projects/12345/feature_flags/user_blast_radius/ failed with 404 (Not"
                + " found.): this API URL does not serve that endpoint…"),
        Arguments.of(
            "the blast-radius endpoint fails",
            "{"
                + QUERY_OK
                + ", \"user_blast_radius\": [{\"status\": 500, \"body\": {\"type\":"
                + " \"server_error\", \"code\": \"error\", \"detail\": \"A server error occurred.\","
                + " \"attr\": null}}]}",
            "warning: impact not shown: POST"
                + " /api/projects/12345/feature_flags/user_blast_radius/ failed with 500 (A server"
                + " error occurred.): PostHog could not answer; run again later. The plan is shown"
                + " without it."));
  }

  @TempDir static Path shared;
  private static ScenarioRun.Result without;

  @BeforeAll
  static void planWithoutImpact() throws Exception {
    without = run(shared.resolve("off"), "{}", "--detailed-exitcode");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void thePlanIsTheOneWithoutImpactWithOneWarning(
      String name, String answers, String warning, @TempDir Path work) throws Exception {
    ScenarioRun.Result with = run(work.resolve("on"), answers, "--impact --detailed-exitcode");

    assertThat(with.stdout()).isEqualTo(without.stdout());
    assertThat(with.exitCode()).isEqualTo(without.exitCode()).isEqualTo(2);
    List<String> warnings =
        with.stderr().lines().filter(l -> l.startsWith("warning: impact")).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .satisfies(
            w ->
                assertThat(
                        warning.endsWith("…")
                            ? w.startsWith(warning.substring(0, warning.length() - 1))
                            : w.equals(warning))
                    .as(w)
                    .isTrue());
    assertThat(with.requests().stream().filter(r -> r.contains("/query/"))).hasSize(1);
    assertThat(without.requests()).isEmpty();
  }

  @Test
  void theMarkdownAndJsonViewsAreUnchangedToo(@TempDir Path work) throws Exception {
    String throttled = "{\"query\": {\"status\": 429, \"body\": {\"detail\": \"throttled\"}}}";
    for (String format : List.of("markdown", "json")) {
      ScenarioRun.Result without = run(work.resolve(format + "-off"), "{}", "--format " + format);
      ScenarioRun.Result with =
          run(work.resolve(format + "-on"), throttled, "--impact --format " + format);

      assertThat(with.stdout()).as(format).isEqualTo(without.stdout());
      assertThat(with.stderr()).contains("warning: impact not shown: ");
    }
  }

  @Test
  void noImpactOverridesTheConfigFile(@TempDir Path work) throws Exception {
    Path folder = scenario(work.resolve("config"), "{" + QUERY_OK + "}", "--no-impact");
    Files.writeString(folder.resolve(Scenario.CONFIG), "impact: true\n");

    ScenarioRun.Result result = ScenarioRun.run(new Scenario(folder), work.resolve("config-run"));

    assertThat(result.requests()).isEmpty();
    assertThat(result.stdout()).doesNotContain("impact:");
  }

  private static ScenarioRun.Result run(Path folder, String answers, String args)
      throws IOException, GitAPIException {
    Path scenario = scenario(folder, answers, args);
    return ScenarioRun.run(new Scenario(scenario), folder.resolve("run"));
  }

  /** The base scenario's declarations and live state, with these answers and arguments. */
  private static Path scenario(Path folder, String answers, String args) throws IOException {
    Path scenario = folder.resolve("scenario");
    copy(BASE.resolve(Scenario.DESIRED), scenario.resolve(Scenario.DESIRED));
    Files.copy(BASE.resolve(Scenario.LIVE), scenario.resolve(Scenario.LIVE));
    Files.writeString(scenario.resolve(Scenario.POSTHOG), answers);
    Files.writeString(scenario.resolve("args.txt"), args);
    return scenario;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }
}
