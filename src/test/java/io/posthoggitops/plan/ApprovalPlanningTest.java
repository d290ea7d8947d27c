package io.posthoggitops.plan;

import static io.posthoggitops.plan.PlannerTest.flag;
import static io.posthoggitops.plan.PlannerTest.flagYaml;
import static io.posthoggitops.plan.PlannerTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.PendingApproval.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the planner does with resources that have change requests open in PostHog. */
class ApprovalPlanningTest {

  static final String REQUEST_ID = "3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88";

  /** An open request on flag {@code flagId} whose write sets the first group's rollout. */
  static ObjectNode rolloutRequest(Long flagId, int rollout, int approvals, boolean canCancel) {
    ObjectNode raw = TestLive.JSON.createObjectNode();
    raw.put("id", REQUEST_ID)
        .put("action_key", "feature_flag.update")
        .put("resource_type", "feature_flag")
        .put("state", "pending")
        .put("validation_status", "valid")
        .put("can_cancel", canCancel);
    if (flagId == null) {
      raw.putNull("resource_id");
    } else {
      raw.put("resource_id", String.valueOf(flagId));
    }
    ObjectNode intent = raw.putObject("intent");
    intent.putObject("preconditions").put("version", 3);
    ObjectNode write = intent.putObject("full_request_data");
    write
        .putObject("filters")
        .putArray("groups")
        .addObject()
        .put("rollout_percentage", rollout)
        .putArray("properties");
    raw.putObject("policy_snapshot").put("quorum", 2).putArray("users").add(19).add(23);
    for (int i = 0; i < approvals; i++) {
      raw.withArray("approvals").addObject().put("decision", "approved");
    }
    raw.putObject("created_by").put("email", "ada@example.com");
    return raw;
  }

  static LiveState withRequests(LiveState state, ObjectNode... requests) {
    return new LiveState(
        state.apiUrl(),
        state.projectId(),
        state.projectName(),
        state.organizationFeatures(),
        state.objects(),
        Set.of(),
        java.util.Arrays.stream(requests).map(ChangeRequest::of).toList());
  }

  /** Flag 4821 at rollout 30, version 3. */
  private static LiveObject liveFlag() {
    LiveObject flag = flag(4821, "one-page-checkout", 30);
    flag.raw().put("version", 3);
    return flag;
  }

  private static Plan plan(String yaml, ObjectNode... requests) {
    PlanResult result =
        Plans.plan(PlannerTest.yaml(yaml), withRequests(TestLive.state(liveFlag()), requests));
    assertThat(result.diagnostics()).isEmpty();
    return result.plan();
  }

  @Test
  void aRequestHoldingTheDeclaredChangeAwaitsApprovalAndNothingIsWritten() {
    Plan plan = plan(flagYaml("one-page-checkout", 50), rolloutRequest(4821L, 50, 1, false));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.approvals())
        .extracting(a -> a.address().toString(), PendingApproval::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FeatureFlag/one-page-checkout", Verdict.AWAITING));
    assertThat(plan.approvals().get(0).requests().get(0).approvals()).isEqualTo(1);
    assertThat(plan.hasDrift()).isFalse();
  }

  @Test
  void changedDeclarationsReplaceARequestNobodyApprovedCancellingItFirst() {
    Plan plan = plan(flagYaml("one-page-checkout", 75), rolloutRequest(4821L, 50, 0, true));

    assertThat(Plans.lines(new PlanResult(plan, List.of())))
        .containsExactly("~ FeatureFlag/one-page-checkout");
    List<ApiRequest> requests = plan.changes().get(0).requests();
    assertThat(requests.get(0).method()).isEqualTo("POST");
    assertThat(requests.get(0).path()).isEqualTo("change_requests/" + REQUEST_ID + "/cancel/");
    assertThat(PendingRequests.cancelledBy(plan.changes().get(0))).containsExactly(REQUEST_ID);
    assertThat(plan.approvals())
        .extracting(PendingApproval::verdict)
        .containsExactly(Verdict.REPLACED);
  }

  @Test
  void changedDeclarationsWaitForARequestWithApprovalsToBeDecided() {
    Plan plan = plan(flagYaml("one-page-checkout", 75), rolloutRequest(4821L, 50, 1, false));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.approvals())
        .extracting(PendingApproval::verdict)
        .containsExactly(Verdict.BLOCKED);
    assertThat(plan.hasDrift()).isTrue();
  }

  @Test
  void aRequestForAChangeNoLongerDeclaredIsLeftToPostHog() {
    Plan plan = plan(flagYaml("one-page-checkout", 30), rolloutRequest(4821L, 50, 0, true));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.approvals())
        .extracting(PendingApproval::verdict)
        .containsExactly(Verdict.NOT_DECLARED);
    assertThat(plan.hasDrift()).isFalse();
  }

  @Test
  void aRequestMadeBeforeTheFlagMovedIsStaleAndTheDeclaredChangeIsWrittenAgain() {
    ObjectNode request = rolloutRequest(4821L, 50, 1, false);
    request.withObject("intent").withObject("preconditions").put("version", 2);

    Plan plan = plan(flagYaml("one-page-checkout", 50), request);

    assertThat(plan.changes()).hasSize(1);
    assertThat(plan.changes().get(0).requests()).isEmpty();
    assertThat(plan.approvals().get(0).verdict()).isEqualTo(Verdict.REPLACED);
    assertThat(plan.approvals().get(0).requests().get(0).stale()).isTrue();
  }

  @Test
  void aGatedCreateAwaitsApprovalAndWhatReferencesTheFlagWaitsForIt() {
    ObjectNode create = rolloutRequest(null, 40, 0, true);
    create
        .withObject("intent")
        .withObject("full_request_data")
        .put("key", "pilot-banner")
        .put("active", true);
    String declared =
        flagYaml("one-page-checkout", 30)
            + "---\n"
            + flagYaml("pilot-banner", 40)
            + """
            ---
            kind: FeatureFlag
            key: pilot-follow-up
            filters:
              groups:
                - properties:
                    - {type: flag, key: {flag: pilot-banner}, operator: flag_evaluates_to, value: true}
                  rollout_percentage: 100
            """;

    Plan plan = plan(declared, create);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.approvals())
        .extracting(a -> a.address().identity(), PendingApproval::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pilot-banner", Verdict.AWAITING),
            org.assertj.core.groups.Tuple.tuple("pilot-follow-up", Verdict.WAITING));
    assertThat(plan.approvals().get(1).waitsFor().toString()).isEqualTo("FeatureFlag/pilot-banner");
    assertThat(plan.approvals().get(0).liveId()).isNull();
  }

  @Test
  void aDeleteCancelsTheRequestsOpenOnTheFlagFirst() {
    Plan plan =
        plan(
            "kind: FeatureFlag\nkey: one-page-checkout\ndeleted: true\n",
            rolloutRequest(4821L, 50, 0, true));

    assertThat(plan.changes()).hasSize(1);
    assertThat(PendingRequests.cancelledBy(plan.changes().get(0))).containsExactly(REQUEST_ID);
  }

  @Test
  void requestsOnOtherObjectsChangeNothing() {
    Plan plan = plan(flagYaml("one-page-checkout", 75), rolloutRequest(9999L, 50, 0, true));

    assertThat(plan.changes()).hasSize(1);
    assertThat(plan.changes().get(0).requests()).isEmpty();
    assertThat(plan.approvals()).isEmpty();
  }

  @Test
  void cancellingIsForTheRequesterOfARequestNobodyApprovedWhenPostHogDoesNotSay() {
    ObjectNode noApprovals = rolloutRequest(4821L, 50, 0, true);
    noApprovals.remove("can_cancel");
    ObjectNode approved = rolloutRequest(4821L, 50, 1, true);
    approved.remove("can_cancel");

    assertThat(ApprovalVerdicts.cancellable(ChangeRequest.of(noApprovals))).isTrue();
    assertThat(ApprovalVerdicts.cancellable(ChangeRequest.of(approved))).isFalse();
    assertThat(ApprovalVerdicts.cancellable(ChangeRequest.of(rolloutRequest(4821L, 50, 0, false))))
        .isFalse();
  }

  @Test
  void withoutRequestsThePlanIsAsBefore() {
    PlanResult result =
        Plans.plan(yaml(flagYaml("one-page-checkout", 75)), TestLive.state(liveFlag()));

    assertThat(result.plan().approvals()).isEmpty();
    assertThat(result.plan().hasDrift()).isTrue();
  }
}
