package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The open change requests are one list request where the organisation has approvals, and none
 * where it has not; PostHog's "feature off" answers mean there are none.
 */
class ChangeRequestListingTest {

  private static final String LIST = "/api/projects/4242/change_requests/";
  private static final String FIRST_PAGE = LIST + "?state=pending,approved&limit=100&offset=0";
  private static final WireMockServer api = new WireMockServer(options().dynamicPort());
  private ClientSetup setup;

  @BeforeAll
  static void startServer() {
    api.start();
  }

  @AfterAll
  static void stopServer() {
    api.stop();
  }

  @BeforeEach
  void stubProject() {
    api.resetAll();
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/"))
            .willReturn(okJson("{\"id\":4242,\"name\":\"Acme Web\"}")));
    api.stubFor(
        get(urlPathEqualTo("/api/projects/4242/actions/"))
            .willReturn(okJson("{\"count\":0,\"results\":[]}")));
    for (String list :
        new String[] {
          "cohorts", "feature_flags", "experiments", "early_access_feature", "dashboards"
        }) {
      api.stubFor(
          get(urlPathEqualTo("/api/projects/4242/" + list + "/"))
              .willReturn(okJson("{\"count\":0,\"results\":[]}")));
    }
    setup = new ClientSetup(api);
    setup.project = "4242";
  }

  private void organisationWith(String... features) {
    StringBuilder list = new StringBuilder();
    for (String feature : features) {
      list.append(list.length() == 0 ? "" : ",")
          .append("{\"key\":\"")
          .append(feature)
          .append("\"}");
    }
    api.stubFor(
        get(urlEqualTo("/api/organizations/@current/"))
            .willReturn(okJson("{\"available_product_features\":[" + list + "]}")));
  }

  @Test
  void anOrganisationWithApprovalsCostsOneListOfOpenRequests() {
    organisationWith("tagging", "approvals");
    api.stubFor(
        get(urlEqualTo(FIRST_PAGE)).willReturn(okJson(Fixtures.text("change_request.list.json"))));

    LiveState state = LiveStateReader.read(setup.client(), "http://api.example");

    api.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    assertThat(state.changeRequests()).hasSize(1);
    ChangeRequest request = state.changeRequests().get(0);
    assertThat(request.id()).isEqualTo("3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88");
    assertThat(request.resourceType()).isEqualTo("feature_flag");
    assertThat(request.resourceId()).isEqualTo("4821");
    assertThat(request.approvals()).isEqualTo(1);
    assertThat(request.quorum()).isEqualTo(2);
    assertThat(request.approverUsers()).containsExactly(19L, 23L);
    assertThat(request.canCancel()).isFalse();
    assertThat(request.preconditionVersion()).isEqualTo(3L);
    assertThat(request.requester()).isEqualTo("ada@example.com");
    assertThat(request.write().at("/filters/groups/1/rollout_percentage").asInt()).isEqualTo(75);
  }

  @Test
  void anOrganisationWithoutApprovalsCostsNoRequest() {
    organisationWith("tagging");

    LiveState state = LiveStateReader.read(setup.client(), "http://api.example");

    assertThat(state.changeRequests()).isEmpty();
    api.verify(0, getRequestedFor(urlPathEqualTo(LIST)));
  }

  @Test
  void paymentRequiredMeansTheFeatureIsOffAndThereAreNone() {
    api.stubFor(
        get(urlEqualTo(FIRST_PAGE))
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"type\":\"authentication_error\",\"code\":\"payment_required\","
                            + "\"detail\":\"This feature is part of the premium PostHog offering.\","
                            + "\"attr\":null}")));

    List<ChangeRequest> requests =
        LiveStateReader.changeRequests(setup.client(), Set.of("approvals"));

    assertThat(requests).isEmpty();
    assertThat(setup.warnings).isEmpty();
  }

  @Test
  void aKeyWithoutTheApprovalsScopeWarnsThatPendingRequestsAreUnknown() {
    api.stubFor(
        get(urlEqualTo(FIRST_PAGE))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"type\":\"authentication_error\",\"code\":\"permission_denied\","
                            + "\"detail\":\"API key missing required scope 'approvals:read'\","
                            + "\"attr\":null}")));

    List<ChangeRequest> requests =
        LiveStateReader.changeRequests(setup.client(), Set.of("approvals"));

    assertThat(requests).isEmpty();
    assertThat(setup.warnings)
        .containsExactly(
            "could not read the project's change requests (403); plan cannot show what awaits"
                + " approval, and apply would write over a pending request. Give the key the"
                + " approvals:read scope.");
  }
}
