package io.posthoggitops.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real CLI in-process, on the Quarkus REST client, against WireMock. Logging runs at DEBUG into
 * a file (not the console, to keep the output readable), so the redaction check covers every log
 * line too.
 */
@QuarkusMainTest
@TestProfile(LiveCliTest.DebugProfile.class)
class LiveCliTest {

  static final String KEY = "phx_RECOGNISABLE_fake_key_4b1d";
  private static final Path LOG = Path.of("target", "live-cli-test.log");
  private static final WireMockServer api = new WireMockServer(options().dynamicPort());

  public static class DebugProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(TestEnvironment.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.log.level", "DEBUG",
          "quarkus.log.console.enabled", "false",
          "quarkus.log.file.enabled", "true",
          "quarkus.log.file.path", LOG.toString());
    }
  }

  @BeforeAll
  static void startServer() {
    api.start();
  }

  @AfterAll
  static void stopServer() {
    api.stop();
  }

  @BeforeEach
  void stubPostHog() {
    api.resetAll();
    System.setProperty(TestEnvironment.PREFIX + "MATON_API_KEY", KEY);
    api.stubFor(get(urlEqualTo("/api/projects/5/")).willReturn(okJson("{\"id\":5,\"name\":\"Acme Web\"}")));
    api.stubFor(get(urlEqualTo("/api/organizations/@current/"))
        .willReturn(okJson("{\"available_product_features\":[{\"key\":\"tagging\"}]}")));
    api.stubFor(get(urlEqualTo("/api/projects/5/actions/")).willReturn(okJson(fixture("action.list.json"))));
    for (String kind : new String[] {"cohort", "feature_flag", "experiment", "dashboard"}) {
      // The flag fixture's count (57) stands for a longer list than its two items.
      String list = fixture(kind + ".list.json").replace("\"count\": 57", "\"count\": 2");
      api.stubFor(get(urlPathEqualTo("/api/projects/5/" + kind + "s/")).willReturn(okJson(list)));
    }
    api.stubFor(get(urlEqualTo("/api/projects/5/feature_flags/?archived=true&limit=100&offset=0"))
        .willReturn(okJson("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}")));
    api.stubFor(get(urlPathEqualTo("/api/projects/5/experiments/77/")).willReturn(okJson(fixture("experiment.retrieve.json"))));
    api.stubFor(get(urlPathEqualTo("/api/projects/5/experiments/81/")).willReturn(okJson(fixture("experiment.retrieve.json").replace("\"id\": 77", "\"id\": 81"))));
    api.stubFor(get(urlPathEqualTo("/api/projects/5/dashboards/3101/")).willReturn(okJson(fixture("dashboard.retrieve.json"))));
    api.stubFor(get(urlPathEqualTo("/api/projects/5/dashboards/2988/")).willReturn(okJson(fixture("dashboard.retrieve.json").replace("\"id\": 3101", "\"id\": 2988"))));
  }

  @AfterEach
  void clearKey() {
    System.clearProperty(TestEnvironment.PREFIX + "MATON_API_KEY");
  }

  private static String fixture(String name) {
    try (InputStream in = LiveCliTest.class.getResourceAsStream("/posthog-fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertKeyNeverShown(LaunchResult result) throws IOException {
    assertThat(result.getOutput()).doesNotContain(KEY);
    assertThat(result.getErrorOutput()).doesNotContain(KEY);
    if (Files.exists(LOG)) {
      assertThat(Files.readString(LOG)).doesNotContain(KEY);
    }
  }

  @Test
  void exportWritesASnapshotOfAllFiveKindsAndLogsEachRequestWithoutTheKey(QuarkusMainLauncher launcher) throws IOException {
    Path snapshot = Path.of("target", "live-cli-test", "live.json");
    Files.deleteIfExists(snapshot);

    LaunchResult result = launcher.launch("export", "--snapshot-out", snapshot.toString(),
        "--api-url", api.baseUrl(), "--project", "5", "--connection", "conn-42", "--verbose");

    assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(0);
    JsonNode written = new ObjectMapper().readTree(snapshot.toFile());
    assertThat(written.path("project").path("id").asLong()).isEqualTo(5);
    assertThat(written.path("organization_features").toString()).isEqualTo("[\"tagging\"]");
    assertThat(written.path("objects").path("FeatureFlag")).hasSize(2);
    assertThat(written.path("objects").path("Dashboard").path(0).has("tiles")).isTrue();
    assertThat(result.getErrorOutput())
        .contains("GET /api/projects/5/feature_flags/?limit=100&offset=0 200 ")
        .contains("GET /api/projects/5/experiments/77/ 200 ")
        .contains("Wrote snapshot " + snapshot);
    api.verify(getRequestedFor(urlEqualTo("/api/projects/5/actions/"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withHeader("Maton-Connection", equalTo("conn-42")));
    assertKeyNeverShown(result);
  }

  @Test
  void aRejectedKeyIsOneErrorLineAndExitOne(QuarkusMainLauncher launcher) throws IOException {
    api.stubFor(get(urlEqualTo("/api/projects/5/"))
        .willReturn(aResponse().withStatus(401).withBody(fixture("error.401.authentication_failed.json"))));

    LaunchResult result = launcher.launch("--api-url", api.baseUrl(), "export", "--project", "5", "--snapshot-out", "target/x.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput()).contains(
        "error: GET /api/projects/5/ failed with 401 (Personal API key found in request Authorization header is invalid.): "
            + "the API key was rejected; check that MATON_API_KEY (or POSTHOG_API_KEY) holds a current key.");
    assertKeyNeverShown(result);
  }

  @Test
  void withoutAKeyNothingIsSentAndTheErrorNamesMatonApiKey(QuarkusMainLauncher launcher) {
    System.clearProperty(TestEnvironment.PREFIX + "MATON_API_KEY");

    LaunchResult result = launcher.launch("export", "--api-url", api.baseUrl(), "--snapshot-out", "target/x.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput()).contains("error: no API key: set MATON_API_KEY");
    api.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anUnknownKindIsAUsageErrorListingTheValidKinds(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("export", "--kind", "featureflag", "--kind", "Survey", "--api-url", api.baseUrl());

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.getErrorOutput())
        .contains("unknown kind 'Survey' for --kind; valid kinds: Action, Cohort, FeatureFlag, Experiment, Dashboard");
    api.verify(0, anyRequestedFor(anyUrl()));
  }
}
