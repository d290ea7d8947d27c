package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client and PostHog's approvals: the open change requests are one list request where the
 * organisation has approvals and none where it has not, PostHog's "feature off" answers mean there
 * are none; the 409 for a gated write is an approval, not a failure, while an edit conflict's 409
 * is one.
 */
class ApprovalsClientTest {

  private static final String LIST = "/api/projects/4242/change_requests/";
  private static final String FLAG = "/api/projects/4242/feature_flags/4811/";
  private static final String FIRST_PAGE = LIST + "?state=pending,approved&limit=100&offset=0";
  @RegisterExtension static final WireMockExtension api = ClientSetup.server();
  private ClientSetup setup;

  @BeforeEach
  void stubProject() {
    ClientSetup.stubProject(api);
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

  /** The open requests, where PostHog answers their list with an error envelope. */
  private List<ChangeRequest> listAnswered(int status, String code, String detail) {
    api.stubFor(
        get(urlEqualTo(FIRST_PAGE))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"type\":\"authentication_error\",\"code\":\"%s\",\"detail\":\"%s\",\"attr\":null}"
                            .formatted(code, detail))));
    return LiveStateReader.changeRequests(setup.client(), Set.of("approvals"));
  }

  @Test
  void paymentRequiredMeansTheFeatureIsOffAndThereAreNone() {
    List<ChangeRequest> requests =
        listAnswered(
            402, "payment_required", "This feature is part of the premium PostHog offering.");

    assertThat(requests).isEmpty();
    assertThat(setup.warnings).isEmpty();
  }

  @Test
  void aKeyWithoutTheApprovalsScopeWarnsThatPendingRequestsAreUnknown() {
    List<ChangeRequest> requests =
        listAnswered(403, "permission_denied", "API key missing required scope 'approvals:read'");

    assertThat(requests).isEmpty();
    assertThat(setup.warnings)
        .containsExactly(
            "could not read the project's change requests (403); plan cannot show what awaits"
                + " approval, and apply would write over a pending request. Give the key the"
                + " approvals:read scope.");
  }

  private static void answer409(String body) {
    api.stubFor(
        patch(urlEqualTo(FLAG))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private ApprovalRequiredException heldWrite() {
    return catchThrowableOfType(
        ApprovalRequiredException.class,
        () ->
            setup.client().write("PATCH", "feature_flags/4811/", Fixtures.JSON.createObjectNode()));
  }

  @Test
  void aGatedWriteIsHeldAsAChangeRequestWithTheApproversPostHogNames() {
    answer409(
        """
        {"code": "approval_required", "status": "approval_required",
         "detail": "A change request has been created and is pending approval.",
         "message": "A change request has been created and is pending approval.",
         "resource_type": "feature_flag", "resource_id": "4811",
         "change_request_id": "3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88",
         "change_request": {"id": "3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88",
                            "action_key": "feature_flag.update", "state": "pending"},
         "required_approvers": {"quorum": 2, "users": [19, 23], "roles": []}}
        """);

    ApprovalRequiredException held = heldWrite();

    assertThat(held.request().id()).isEqualTo("3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88");
    assertThat(held.request().resourceId()).isEqualTo("4811");
    assertThat(held.request().quorum()).isEqualTo(2);
    assertThat(held.request().approverUsers()).containsExactly(19L, 23L);
    assertThat(held.alreadyPending()).isFalse();
    assertThat(held)
        .hasMessage(
            "PATCH /api/projects/4242/feature_flags/4811/ answered 409: PostHog holds the write as"
                + " change request #3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88, which awaits approval.");
    api.verify(1, patchRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void aRequestAlreadyOpenForTheSameChangeIsSaidSo() {
    answer409(
        """
        {"code": "change_request_pending", "status": "approval_required",
         "detail": "A pending approval request already exists for this action",
         "resource_type": "feature_flag", "resource_id": "4811",
         "change_request_id": "3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88",
         "change_request": {"id": "3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88", "state": "pending",
                            "policy_snapshot": {"quorum": 1, "users": [19]}},
         "required_approvers": {}}
        """);

    ApprovalRequiredException held = heldWrite();

    assertThat(held.alreadyPending()).isTrue();
    assertThat(held.request().quorum()).isEqualTo(1);
  }

  @Test
  void anEditConflictIsStillAFailure() {
    answer409(Fixtures.text("error.409.flag_conflict.json"));

    assertThatThrownBy(
            () ->
                setup
                    .client()
                    .write("PATCH", "feature_flags/4811/", Fixtures.JSON.createObjectNode()))
        .isExactlyInstanceOf(ApiException.class)
        .hasMessageContaining("failed with 409");
  }
}
