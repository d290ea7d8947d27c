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
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.posthoggitops.kinds.Kinds;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real CLI in-process, on the production HTTP transport, against WireMock. Logging runs at
 * DEBUG into a file (not the console, to keep the output readable), so the redaction check covers
 * every log line too.
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
    api.stubFor(
        get(urlEqualTo("/api/projects/5/")).willReturn(okJson("{\"id\":5,\"name\":\"Acme Web\"}")));
    api.stubFor(
        get(urlEqualTo("/api/organizations/@current/"))
            .willReturn(okJson("{\"available_product_features\":[{\"key\":\"tagging\"}]}")));
    api.stubFor(
        get(urlEqualTo("/api/projects/5/actions/"))
            .willReturn(okJson(fixture("action.list.json"))));
    for (String kind : new String[] {"cohort", "feature_flag", "experiment", "dashboard"}) {
      // The flag fixture's count (57) stands for a longer list than its two items.
      String list = fixture(kind + ".list.json").replace("\"count\": 57", "\"count\": 2");
      api.stubFor(get(urlPathEqualTo("/api/projects/5/" + kind + "s/")).willReturn(okJson(list)));
    }
    api.stubFor(
        get(urlEqualTo("/api/projects/5/feature_flags/?archived=true&limit=100&offset=0"))
            .willReturn(okJson("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}")));
    stubRetrieveShapes("experiment");
    stubRetrieveShapes("dashboard");
  }

  /**
   * Each list item as PostHog's retrieve shape: the item's own fields over the retrieve fixture.
   */
  private static void stubRetrieveShapes(String kind) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode retrieve = (ObjectNode) json.readTree(fixture(kind + ".retrieve.json"));
      for (JsonNode item : json.readTree(fixture(kind + ".list.json")).get("results")) {
        ObjectNode full = retrieve.deepCopy();
        full.setAll((ObjectNode) item);
        api.stubFor(
            get(urlEqualTo("/api/projects/5/" + kind + "s/" + item.get("id").asLong() + "/"))
                .willReturn(okJson(full.toString())));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void clearKey() {
    System.clearProperty(TestEnvironment.PREFIX + "MATON_API_KEY");
  }

  private static String fixture(String name) {
    try (InputStream in = LiveCliTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
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
  void exportWritesASnapshotOfAllFiveKindsAndLogsEachRequestWithoutTheKey(
      QuarkusMainLauncher launcher) throws IOException {
    Path snapshot = Path.of("target", "live-cli-test", "live.json");
    Files.deleteIfExists(snapshot);

    LaunchResult result =
        launcher.launch(
            "export",
            "--snapshot-out",
            snapshot.toString(),
            "--api-url",
            api.baseUrl(),
            "--project",
            "5",
            "--connection",
            "conn-42",
            "--verbose");

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
    api.verify(
        getRequestedFor(urlEqualTo("/api/projects/5/actions/"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withHeader("Maton-Connection", equalTo("conn-42")));
    assertKeyNeverShown(result);
  }

  @Test
  void exportWritesYamlThatIsByteStableAndValid(QuarkusMainLauncher launcher) throws IOException {
    Path first = Path.of("target", "live-cli-test", "export-1");
    Path second = Path.of("target", "live-cli-test", "export-2");
    deleteTree(first);
    deleteTree(second);

    Path snapshot = Path.of("target", "live-cli-test", "export-live.json");
    LaunchResult one =
        launcher.launch(
            "--project",
            "5",
            "--api-url",
            api.baseUrl(),
            "export",
            "--out",
            first.toString(),
            "--snapshot-out",
            snapshot.toString());
    LaunchResult two =
        launcher.launch(
            "export", "--out", second.toString(), "--project", "5", "--api-url", api.baseUrl());

    assertThat(one.exitCode()).as(one.getErrorOutput()).isEqualTo(0);
    assertThat(two.exitCode()).as(two.getErrorOutput()).isEqualTo(0);
    List<String> files =
        one.getOutputStream().stream().filter(line -> line.endsWith(".yaml")).toList();
    assertThat(files).contains(first.resolve("feature-flags/new-checkout-flow.yaml").toString());
    for (String file : files) {
      Path relative = first.relativize(Path.of(file));
      assertThat(Files.readString(second.resolve(relative)))
          .as(relative.toString())
          .isEqualTo(Files.readString(Path.of(file)));
    }
    LaunchResult validation = launcher.launch("validate", first.toString());
    assertThat(validation.exitCode())
        .as(validation.getOutput() + validation.getErrorOutput())
        .isEqualTo(0);
    LaunchResult plan =
        launcher.launch(
            "plan", first.toString(), "--snapshot", snapshot.toString(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.getOutput() + plan.getErrorOutput()).isEqualTo(0);
  }

  @Test
  void aRejectedKeyIsOneErrorLineAndExitOne(QuarkusMainLauncher launcher) throws IOException {
    api.stubFor(
        get(urlEqualTo("/api/projects/5/"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(fixture("error.401.authentication_failed.json"))));

    LaunchResult result =
        launcher.launch(
            "--api-url",
            api.baseUrl(),
            "export",
            "--project",
            "5",
            "--snapshot-out",
            "target/x.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput())
        .contains(
            "error: GET /api/projects/5/ failed with 401 (Personal API key found in request Authorization header is invalid.): "
                + "the API key was rejected; check that MATON_API_KEY (or POSTHOG_API_KEY) holds a current key.");
    assertKeyNeverShown(result);
  }

  @Test
  void withoutAKeyNothingIsSentAndTheErrorNamesMatonApiKey(QuarkusMainLauncher launcher) {
    System.clearProperty(TestEnvironment.PREFIX + "MATON_API_KEY");

    LaunchResult result =
        launcher.launch("export", "--api-url", api.baseUrl(), "--snapshot-out", "target/x.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput()).contains("error: no API key: set MATON_API_KEY");
    api.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anUnknownKindIsAUsageErrorListingTheValidKinds(QuarkusMainLauncher launcher) {
    LaunchResult result =
        launcher.launch(
            "export", "--kind", "featureflag", "--kind", "Survey", "--api-url", api.baseUrl());

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.getErrorOutput())
        .contains("unknown kind 'Survey' for --kind; valid kinds: " + Kinds.names());
    api.verify(0, anyRequestedFor(anyUrl()));
  }
}
