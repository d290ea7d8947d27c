package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryTest {

  @RegisterExtension static final WireMockExtension api = ClientSetup.server();
  private static final String FLAG = "/api/projects/4242/feature_flags/4821/";
  private ClientSetup setup;

  @BeforeEach
  void stubProject() {
    ClientSetup.stubProject(api);
    setup = new ClientSetup(api);
    setup.project = "4242";
  }

  /** The first answer, then 200 with the flag for every later request. */
  private void firstThenOk(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first) {
    api.stubFor(
        request
            .get()
            .inScenario("retry")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("answered"));
    api.stubFor(
        request
            .get()
            .inScenario("retry")
            .whenScenarioStateIs("answered")
            .willReturn(okJson(Fixtures.text("feature_flag.retrieve.json"))));
  }

  private static ResponseDefinitionBuilder throttled() {
    return aResponse().withStatus(429).withBody(Fixtures.text("error.429.throttled.json"));
  }

  @Test
  void honoursRetryAfterWhenTheServerSendsIt() {
    firstThenOk(() -> get(urlEqualTo(FLAG)), throttled().withHeader("Retry-After", "7"));

    assertThat(setup.client().get("feature_flags/4821/").get("key").asText())
        .isEqualTo("new-checkout-flow");
    assertThat(setup.time.sleeps).containsExactly(7_000L);
    api.verify(2, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void readsTheWaitFromPostHogsDetailWhenNoHeaderCame() {
    firstThenOk(() -> get(urlEqualTo(FLAG)), throttled());

    setup.client().get("feature_flags/4821/");

    assertThat(setup.time.sleeps).containsExactly(42_000L);
  }

  @Test
  void backsOffExponentiallyWithJitterOnGatewayErrors() {
    api.stubFor(get(urlEqualTo(FLAG)).willReturn(aResponse().withStatus(503)));
    setup.maxAttempts = 4;

    assertThatThrownBy(() -> setup.client().get("feature_flags/4821/"))
        .isInstanceOf(ApiException.class)
        .hasMessage(
            "GET "
                + FLAG
                + " failed with 503 after 4 attempts: the API is unavailable; try again later.");
    assertThat(setup.time.sleeps).hasSize(3);
    assertThat(setup.time.sleeps.get(0)).isBetween(250L, 500L);
    assertThat(setup.time.sleeps.get(1)).isBetween(500L, 1000L);
    assertThat(setup.time.sleeps.get(2)).isBetween(1000L, 2000L);
    api.verify(4, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void retriesAGetAfterTheConnectionDropped() {
    firstThenOk(() -> get(urlEqualTo(FLAG)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(setup.client().get("feature_flags/4821/").get("id").asLong()).isEqualTo(4821);
    assertThat(setup.requestLog)
        .anyMatch(line -> line.contains("no answer"))
        .anyMatch(line -> line.endsWith("(retry 1)"));
  }

  @Test
  void retriesAPatchOnBadGateway() {
    firstThenOk(() -> patch(urlEqualTo(FLAG)), aResponse().withStatus(502));

    setup.client().write("PATCH", "feature_flags/4821/", body());

    api.verify(
        2,
        patchRequestedFor(urlEqualTo(FLAG))
            .withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void neverReplaysAPostAfterBadGateway() {
    firstThenOk(
        () -> post(urlEqualTo("/api/projects/4242/feature_flags/")), aResponse().withStatus(502));

    assertThatThrownBy(() -> setup.client().write("POST", "feature_flags/", body()))
        .isInstanceOf(UnclearWriteException.class)
        .hasMessageContaining("POST /api/projects/4242/feature_flags/ failed with 502")
        .hasMessageContaining("re-list by identity");
    api.verify(1, postRequestedFor(urlEqualTo("/api/projects/4242/feature_flags/")));
  }

  @Test
  void neverReplaysAPostThatGotNoAnswer() {
    firstThenOk(
        () -> post(urlEqualTo("/api/projects/4242/feature_flags/")),
        aResponse().withFault(Fault.EMPTY_RESPONSE));

    assertThatThrownBy(() -> setup.client().write("POST", "feature_flags/", body()))
        .isInstanceOf(UnclearWriteException.class)
        .hasMessageContaining("got no answer");
    api.verify(1, postRequestedFor(urlEqualTo("/api/projects/4242/feature_flags/")));
  }

  @Test
  void retriesAPostThatWasThrottled() {
    firstThenOk(() -> post(urlEqualTo("/api/projects/4242/feature_flags/")), throttled());

    setup.client().write("POST", "feature_flags/", body());

    api.verify(2, postRequestedFor(urlEqualTo("/api/projects/4242/feature_flags/")));
  }

  @Test
  void doesNotRetryAClientError() {
    api.stubFor(
        post(urlEqualTo("/api/projects/4242/feature_flags/"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(Fixtures.text("error.400.validation.flag_key_unique.json"))));

    assertThatThrownBy(() -> setup.client().write("POST", "feature_flags/", body()))
        .isInstanceOf(ApiException.class)
        .isNotInstanceOf(UnclearWriteException.class)
        .hasMessage(
            "POST /api/projects/4242/feature_flags/ failed with 400 (There is already a feature flag with this key.; attr: key): fix the field 'key' and run again.");
    assertThat(setup.time.sleeps).isEmpty();
  }

  @Test
  void refusesToSendDelete() {
    assertThatThrownBy(() -> setup.client().write("DELETE", "feature_flags/4821/", body()))
        .isInstanceOf(IllegalArgumentException.class);
    api.verify(
        0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void logsOneLineForEveryRequestWithStatusTimeAndRetry() {
    firstThenOk(() -> get(urlEqualTo(FLAG)), throttled());

    setup.client().get("feature_flags/4821/");

    assertThat(setup.requestLog)
        .containsExactly(
            "GET /api/projects/4242/ 200 0 ms",
            "GET " + FLAG + " 429 0 ms",
            "GET " + FLAG + " 200 0 ms (retry 1)");
  }

  private static ObjectNode body() {
    return Fixtures.load("feature_flag.create.request.json");
  }
}
