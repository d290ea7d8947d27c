package io.posthoggitops.apply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.posthoggitops.apply.ApplyRunTest.pilotCohort;
import static io.posthoggitops.apply.ApplyRunTest.pilotFlag;
import static io.posthoggitops.apply.ApplyRunTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.posthoggitops.config.ConnectionSettings;
import io.posthoggitops.live.ClientOptions;
import io.posthoggitops.live.HttpTransport;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.live.PostHogClient;
import io.posthoggitops.live.RetryPolicy;
import io.posthoggitops.live.TimeSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor on the real PostHog client, against WireMock scenarios that change state per call.
 */
class ThroughClientTest {
  private static final String PROJECT = "/api/projects/4242/";
  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private PostHogApi api;
  private long waited;

  @BeforeEach
  void start() {
    server.start();
    server.stubFor(
        get(urlEqualTo(PROJECT)).willReturn(okJson("{\"id\":4242,\"name\":\"Acme Web\"}")));
    // Before each create of a cohort, apply looks for one of its name: none yet.
    server.stubFor(
        get(urlPathEqualTo(PROJECT + "cohorts/"))
            .withQueryParam("search", WireMock.matching(".*"))
            .atPriority(9)
            .willReturn(okJson("{\"count\":0,\"next\":null,\"results\":[]}")));
    ConnectionSettings settings =
        new ConnectionSettings(server.baseUrl(), "4242", null, "phx_test_key", 480);
    ClientOptions options =
        new ClientOptions(new RetryPolicy(5, new Random(7)), noWaiting(), l -> {}, l -> {}, 2);
    api = new PostHogClient(settings, jdkTransport(server.baseUrl()), options);
  }

  /** Backoff and the rate limiter run on a clock that only records its waits. */
  private TimeSource noWaiting() {
    return new TimeSource() {
      @Override
      public long nowMillis() {
        return System.nanoTime() / 1_000_000L + waited;
      }

      @Override
      public void sleep(long millis) {
        waited += millis;
      }
    };
  }

  /** The JDK's HTTP client under the real PostHog client, so no Quarkus boot is needed. */
  private static HttpTransport jdkTransport(String baseUrl) {
    HttpClient http = HttpClient.newHttpClient();
    return (method, pathAndQuery, headers, body) -> {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
              .method(
                  method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
      headers.forEach(request::header);
      try {
        HttpResponse<String> reply = http.send(request.build(), BodyHandlers.ofString());
        return new HttpTransport.HttpReply(
            reply.statusCode(),
            reply.headers().firstValue("Retry-After").orElse(null),
            reply.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted");
      }
    };
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ApplyReport run() {
    return new ApplyRun(api, new PrintWriter(out, true), new PrintWriter(err, true))
        .run(plan(pilotCohort(), pilotFlag()));
  }

  @Test
  void absorbsA429MidApplyAndPostsEachObjectOnce() {
    server.stubFor(
        post(urlPathEqualTo(PROJECT + "cohorts/"))
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(
                        "{\"type\":\"throttled_error\",\"code\":\"throttled\",\"detail\":\"Request was throttled. Expected available in 2 seconds.\",\"attr\":null}"))
            .willSetStateTo("open"));
    server.stubFor(
        post(urlPathEqualTo(PROJECT + "cohorts/"))
            .inScenario("throttle")
            .whenScenarioStateIs("open")
            .willReturn(
                okJson("{\"id\":901,\"name\":\"Pilot users\",\"filters\":{}}").withStatus(201)));
    server.stubFor(
        post(urlPathEqualTo(PROJECT + "feature_flags/"))
            .willReturn(okJson("{\"id\":5001,\"key\":\"pilot-banner\"}").withStatus(201)));

    ApplyReport report = run();

    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
    server.verify(2, postRequestedFor(urlPathEqualTo(PROJECT + "cohorts/")));
    assertThat(waited).as("waited as PostHog asked").isEqualTo(2000);
    server.verify(
        1,
        postRequestedFor(urlPathEqualTo(PROJECT + "feature_flags/"))
            .withRequestBody(
                matchingJsonPath("$.filters.groups[0].properties[0].value", equalTo("901"))));
    assertThat(out.toString()).contains("+ created FeatureFlag \"pilot-banner\" (id 5001)");
  }

  @Test
  void reListsAfterA502ToAPostThatCreatedTheObjectAndNeverPostsAgain() {
    server.stubFor(
        post(urlPathEqualTo(PROJECT + "cohorts/"))
            .inScenario("lost")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(502).withBody("Bad Gateway"))
            .willSetStateTo("created"));
    server.stubFor(
        get(urlPathEqualTo(PROJECT + "cohorts/"))
            .inScenario("lost")
            .whenScenarioStateIs("created")
            .willReturn(
                okJson(
                    "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":901,\"name\":\"Pilot users\"}]}")));
    server.stubFor(
        post(urlPathEqualTo(PROJECT + "feature_flags/"))
            .willReturn(okJson("{\"id\":5001,\"key\":\"pilot-banner\"}").withStatus(201)));

    ApplyReport report = run();

    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
    server.verify(1, postRequestedFor(urlPathEqualTo(PROJECT + "cohorts/")));
    server.verify(
        1,
        postRequestedFor(urlPathEqualTo(PROJECT + "feature_flags/"))
            .withRequestBody(
                matchingJsonPath("$.filters.groups[0].properties[0].value", equalTo("901"))));
    server.verify(0, patchRequestedFor(WireMock.anyUrl()));
    assertThat(out.toString()).contains("+ created Cohort \"Pilot users\" (id 901)");
  }

  @Test
  void stopsAfterA502ToAPostThatCreatedNothing() {
    server.stubFor(
        post(urlPathEqualTo(PROJECT + "cohorts/")).willReturn(aResponse().withStatus(502)));
    server.stubFor(
        get(urlPathEqualTo(PROJECT + "cohorts/"))
            .willReturn(okJson("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}")));

    ApplyReport report = run();

    assertThat(report.succeeded()).isFalse();
    server.verify(1, postRequestedFor(urlPathEqualTo(PROJECT + "cohorts/")));
    server.verify(0, postRequestedFor(urlPathEqualTo(PROJECT + "feature_flags/")));
    assertThat(String.join("\n", report.summary()))
        .contains("Not attempted (1):\n  + create FeatureFlag \"pilot-banner\"");
  }
}
