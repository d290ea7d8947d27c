package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.posthoggitops.TestKinds;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every failure ends in one sentence naming the request, the status and the next step. */
class ErrorMessagesTest {

  @RegisterExtension static final WireMockExtension api = ClientSetup.server();
  private ClientSetup setup;
  private ApiException error;

  @BeforeEach
  void reset() {
    setup = new ClientSetup(api);
  }

  @AfterEach
  void neverShowsTheKey() {
    if (error != null) {
      assertThat(error.getMessage()).doesNotContain(ClientSetup.KEY);
    }
    assertThat(String.join("\n", setup.requestLog)).doesNotContain(ClientSetup.KEY);
  }

  private ApiException projectAnswers(ResponseDefinitionBuilder answer) {
    api.stubFor(get(urlEqualTo("/api/projects/@current/")).willReturn(answer));
    error = catchThrowableOfType(ApiException.class, () -> setup.client().project());
    return error;
  }

  private static ResponseDefinitionBuilder status(int status, String fixture) {
    return aResponse().withStatus(status).withBody(fixture == null ? "" : Fixtures.text(fixture));
  }

  @Test
  void aRejectedKeySaysToCheckMatonApiKey() {
    assertThat(projectAnswers(status(401, "error.401.authentication_failed.json")).getMessage())
        .isEqualTo(
            "GET /api/projects/@current/ failed with 401 (Personal API key found in request Authorization header is invalid.): "
                + "the API key was rejected; check that MATON_API_KEY (or POSTHOG_API_KEY) holds a current key.");
  }

  @Test
  void aMissingScopeQuotesPostHogsDetail() {
    api.stubFor(
        get(urlEqualTo("/api/projects/@current/"))
            .willReturn(okJson("{\"id\":4242,\"name\":\"Acme Web\"}")));
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/actions/"))
            .willReturn(status(403, "error.403.missing_scope.json")));

    error = catchThrowableOfType(ApiException.class, () -> setup.client().list(TestKinds.ACTION));

    assertThat(error.getMessage())
        .isEqualTo(
            "GET /api/projects/4242/actions/ failed with 403 (API key missing required scope 'feature_flag:write'): "
                + "the key lacks a permission; give it the scope named above (or use a key that has it).");
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.detail()).isEqualTo("API key missing required scope 'feature_flag:write'");
  }

  @Test
  void anUnknownProjectPointsAtTheProjectSetting() {
    setup.project = "999";
    api.stubFor(
        get(urlEqualTo("/api/projects/999/"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Project not found.\",\"attr\":null}")));

    error = catchThrowableOfType(ApiException.class, () -> setup.client().project());

    assertThat(error.getMessage())
        .isEqualTo(
            "GET /api/projects/999/ failed with 404 (Project not found.): no such project for this key; "
                + "check --project / POSTHOG_GITOPS_PROJECT (or project: in posthog-gitops.yaml).");
  }

  @Test
  void matonsMissingConnectionSaysHowToSetIt() {
    setup.viaMatonHost();
    String body = "{\"error\":{\"message\":\"No active connection found for app posthog\"}}";

    assertThat(projectAnswers(aResponse().withStatus(400).withBody(body)).getMessage())
        .isEqualTo(
            "GET /api/projects/@current/ failed with 400 (No active connection found for app posthog): "
                + "Maton has no usable PostHog connection for this key; create one in Maton, or set MATON_CONNECTION (or --connection) to the connection id.");
  }

  @Test
  void matonsConnectionRequiredSaysHowToPickOneOfSeveral() {
    setup.viaMatonHost();
    String body =
        "{\"error\":{\"code\":\"connection_required\",\"message\":\"Multiple connections"
            + " found for app posthog\"}}";

    assertThat(projectAnswers(aResponse().withStatus(400).withBody(body)).getMessage())
        .isEqualTo(
            "GET /api/projects/@current/ failed with 400 (Multiple connections found for app"
                + " posthog): Maton has several PostHog connections for this key and none was"
                + " chosen; pick one by setting MATON_CONNECTION (or --connection, or connection:"
                + " in posthog-gitops.yaml) to its connection id. The ids are on the Maton"
                + " dashboard, or listed by: curl -s"
                + " 'https://ctrl.maton.ai/connections?app=posthog&status=ACTIVE' -H"
                + " \"Authorization: Bearer $MATON_API_KEY\""
                + " (docs/connecting.md#several-maton-connections).");
  }

  @Test
  void aPostHogValidationErrorThroughMatonIsNotMistakenForAMissingConnection() {
    setup.viaMatonHost();
    String body =
        "{\"type\":\"validation_error\",\"code\":\"invalid\",\"detail\":\"connection pool label invalid\",\"attr\":\"name\"}";

    assertThat(projectAnswers(aResponse().withStatus(400).withBody(body)).getMessage())
        .contains("fix the field 'name'")
        .doesNotContain("MATON_CONNECTION");
  }

  @Test
  void aServerErrorThroughMatonNamesTheExpiredConnection() {
    setup.viaMatonHost();

    assertThat(
            projectAnswers(aResponse().withStatus(500).withBody("Internal Server Error"))
                .getMessage())
        .isEqualTo(
            "GET /api/projects/@current/ failed with 500 (Internal Server Error): through Maton a 500 usually means the connection's "
                + "PostHog authorisation expired; re-create (re-authorise) the PostHog connection in Maton, then run again.");
  }

  @Test
  void aKeyEchoedBackByAServerIsMasked() {
    String echo =
        "{\"type\":\"authentication_error\",\"detail\":\"Bad header: Bearer "
            + ClientSetup.KEY
            + "\",\"attr\":null}";

    assertThat(projectAnswers(aResponse().withStatus(401).withBody(echo)).getMessage())
        .contains("(Bad header: Bearer ***)");
    assertThat(error.detail()).isEqualTo("Bad header: Bearer ***");
    error =
        catchThrowableOfType(
            ApiException.class,
            () -> {
              api.stubFor(
                  get(urlEqualTo("/api/projects/@current/"))
                      .willReturn(okJson("{\"id\": " + ClientSetup.KEY + "}")));
              setup.client().project();
            });
    assertThat(error.getMessage()).contains("***");
  }

  @Test
  void aServerErrorFromPostHogDirectlySaysTryLater() {
    assertThat(projectAnswers(status(500, null)).getMessage())
        .isEqualTo(
            "GET /api/projects/@current/ failed with 500: PostHog had an internal error; try again later.");
  }

  @Test
  void anUnreachableHostNamesTheHostAndWhatToCheck() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    setup = new ClientSetup("http://localhost:" + closedPort);
    setup.maxAttempts = 2;

    error = catchThrowableOfType(ApiException.class, () -> setup.client().project());

    assertThat(error.getMessage())
        .startsWith(
            "GET /api/projects/@current/ got no answer from localhost after 2 attempts (connection refused")
        .endsWith(
            "check the network, any proxy, and the API URL (--api-url / POSTHOG_GITOPS_API_URL).");
    assertThat(setup.time.sleeps).hasSize(1);
  }
}
