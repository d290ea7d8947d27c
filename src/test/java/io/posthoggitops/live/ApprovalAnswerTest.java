package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostHog's 409 for a gated write is an approval, not a failure; its edit-conflict 409 is one. */
class ApprovalAnswerTest {
  private static final String FLAG = "/api/projects/4242/feature_flags/4811/";
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
    setup = new ClientSetup(api);
    setup.project = "4242";
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

    ApprovalRequiredException held =
        catchThrowableOfType(
            ApprovalRequiredException.class,
            () ->
                setup
                    .client()
                    .write("PATCH", "feature_flags/4811/", Fixtures.JSON.createObjectNode()));

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

    ApprovalRequiredException held =
        catchThrowableOfType(
            ApprovalRequiredException.class,
            () ->
                setup
                    .client()
                    .write("PATCH", "feature_flags/4811/", Fixtures.JSON.createObjectNode()));

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
