package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.posthoggitops.config.ConnectionSettings;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Advisory requests are sent once whatever comes back, through the production transport. */
class AdvisoryClientTest {

  @RegisterExtension static final WireMockExtension api = ClientSetup.server();
  private static final String QUERY = "/api/projects/4242/query/";
  private final ObjectNode body = JsonNodeFactory.instance.objectNode().put("query", "SELECT 1");

  @BeforeEach
  void reset() {}

  private static AdvisoryClient client(Duration timeout) {
    ConnectionSettings settings =
        new ConnectionSettings(api.baseUrl(), "4242", "conn-7", ClientSetup.KEY, 480);
    ClientOptions options =
        new ClientOptions(new RetryPolicy(5, new Random(7)), new FakeTime(), l -> {}, w -> {}, 4);
    return new AdvisoryClient(
        settings, 4242, new JdkHttpTransport(api.baseUrl(), timeout), options);
  }

  @Test
  void answersWithTheJsonPostHogSentWithTheConnectionsHeaders() {
    api.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson("{\"results\": []}")));

    ObjectNode answer = client(AdvisoryClient.TIMEOUT).post("query/", body);

    assertThat(answer.toString()).isEqualTo("{\"results\":[]}");
    api.verify(
        postRequestedFor(urlEqualTo(QUERY))
            .withHeader("Authorization", equalTo("Bearer " + ClientSetup.KEY))
            .withHeader("Maton-Connection", equalTo("conn-7")));
  }

  @Test
  void aThrottledQueryIsNotSentAgain() {
    api.stubFor(
        post(urlEqualTo(QUERY))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(
                        "{\"type\":\"throttled_error\",\"code\":\"throttled\",\"detail\":\"Request"
                            + " was throttled. Expected available in 1 second.\",\"attr\":null}")));

    assertThatThrownBy(() -> client(AdvisoryClient.TIMEOUT).post("query/", body))
        .isInstanceOf(ApiException.class)
        .hasMessage(
            "POST /api/projects/4242/query/ failed with 429 (Request was throttled. Expected"
                + " available in 1 second.)");
    api.verify(1, postRequestedFor(urlEqualTo(QUERY)));
  }

  @Test
  void aGatewayErrorIsNotSentAgainNorTakenForAnUnclearWrite() {
    api.stubFor(post(urlEqualTo(QUERY)).willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> client(AdvisoryClient.TIMEOUT).post("query/", body))
        .isExactlyInstanceOf(ApiException.class)
        .hasMessage("POST /api/projects/4242/query/ failed with 502");
    api.verify(1, postRequestedFor(urlEqualTo(QUERY)));
  }

  @Test
  void anAnswerLaterThanTheTimeoutIsNoAnswer() {
    api.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson("{}").withFixedDelay(10_000)));

    assertThatThrownBy(() -> client(Duration.ofMillis(200)).post("query/", body))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith(
            "POST /api/projects/4242/query/ got no answer from localhost after 1 attempt (timed"
                + " out");
  }

  @Test
  void aResetConnectionIsNoAnswerAndNotSentAgain() {
    api.stubFor(
        post(urlEqualTo(QUERY)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client(AdvisoryClient.TIMEOUT).post("query/", body))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("got no answer")
        .hasMessageNotContaining(ClientSetup.KEY);
    api.verify(1, postRequestedFor(urlEqualTo(QUERY)));
  }
}
