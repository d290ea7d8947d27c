package io.posthoggitops.apply;

import static io.posthoggitops.apply.ApplyRunTest.change;
import static io.posthoggitops.apply.ApplyRunTest.json;
import static io.posthoggitops.apply.ApplyRunTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.apply.ApplyProcess.Result;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Apply against a PostHog whose approval policies hold gated flag writes (docs/approvals.md). */
class ApprovalApplyTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final FakePostHog api = new FakePostHog();

  @BeforeEach
  void policies() {
    api.add(
        "feature_flags",
        json(
            "{'id':4821,'key':'one-page-checkout','active':true,'version':3,"
                + "'filters':{'groups':[{'properties':[],'rollout_percentage':30}]}}"));
    api.approvals.policy("feature_flag.update", 2, 19L, 23L);
  }

  private static Change rollout(int percent) {
    return change(
        TestKinds.FEATURE_FLAG,
        "one-page-checkout",
        4821L,
        ChangeAction.UPDATE,
        ApiRequest.patch(
            "feature_flags/4821/",
            json(
                "{'filters':{'groups':[{'properties':[],'rollout_percentage':"
                    + percent
                    + "}]}}")));
  }

  private ApplyReport run(Plan plan) {
    ApplyReport report =
        new ApplyRun(api, new PrintWriter(out, true), new PrintWriter(err, true)).run(plan);
    report.summary().forEach(new PrintWriter(out, true)::println);
    return report;
  }

  @Test
  void aWriteAlreadyHeldByAnOpenRequestIsReportedAsSuchAndNothingNewIsStored() {
    run(plan(rollout(50)));

    ApplyReport again = run(plan(rollout(50)));

    assertThat(api.approvals.requests).hasSize(1);
    assertThat(again.awaiting()).hasSize(1);
    assertThat(again.awaiting().get(0).alreadyPending()).isTrue();
    assertThat(out.toString())
        .contains(
            "~ awaiting approval FeatureFlag \"one-page-checkout\" (id 4821): change request #"
                + api.approvals.requests.get(0).path("id").asText()
                + " (0 of 2 approvals; approvers: users 19, 23, already open: PostHog stored"
                + " nothing new)");
  }

  @Test
  void aChangeHeldAfterSomeOfItsRequestsSaysHowManyWereSent() {
    Change twoSteps =
        change(
            TestKinds.FEATURE_FLAG,
            "one-page-checkout",
            4821L,
            ChangeAction.UPDATE,
            ApiRequest.patch("feature_flags/4821/", json("{'name':'Checkout'}")),
            rollout(60).requests().get(0));

    ApplyReport report = run(plan(twoSteps));

    assertThat(report.awaiting().get(0).sentBefore()).isEqualTo(1);
    assertThat(out.toString()).contains(", after 1 of its requests were sent)");
    assertThat(api.all("feature_flags").get(0).path("name").asText()).isEqualTo("Checkout");
  }

  @Test
  void whatReferencesAChangeAwaitingApprovalWaitsAndTheRunGoesOn() {
    ObjectNode dependsOnCheckout =
        json(
            "{'key':'checkout-banner','filters':{'groups':[{'properties':[{'type':'flag',"
                + "'key':{'flag':'one-page-checkout'},'operator':'flag_evaluates_to','value':true}]}]}}");
    Change banner =
        new Change(
            new Address(TestKinds.FEATURE_FLAG, "checkout-banner"),
            null,
            ChangeAction.CREATE,
            null,
            dependsOnCheckout,
            List.of(
                ApiRequest.post(
                    "feature_flags/", json("{'key':'checkout-banner','active':false}"))),
            null,
            null,
            null);
    Change cohort = ApplyRunTest.pilotCohort();

    ApplyReport report = run(plan(rollout(50), banner, cohort));

    assertThat(report.succeeded()).isTrue();
    assertThat(report.waiting())
        .extracting(w -> w.change().identity())
        .containsExactly("checkout-banner");
    assertThat(report.applied())
        .extracting(o -> o.change().identity())
        .containsExactly("Pilot users");
    assertThat(api.writes).noneMatch(w -> w.contains("checkout-banner"));
    assertThat(out.toString())
        .contains(
            "+ waiting FeatureFlag \"checkout-banner\": references FeatureFlag"
                + " \"one-page-checkout\", which awaits approval",
            "Applied what could be applied: 1 created, 0 updated, 0 deleted; 1 change awaits"
                + " approval in PostHog.",
            "Waiting for those (1):");
  }

  @Test
  void aFailureAfterAHeldChangeStillAccountsForIt() {
    api.rejectWrite(2, "Something is wrong.", "name");

    ApplyReport report = run(plan(rollout(50), ApplyRunTest.pilotCohort()));

    assertThat(report.succeeded()).isFalse();
    assertThat(String.join("\n", report.summary()))
        .contains("Failed (1):", "Awaiting approval in PostHog (1):", "Not attempted (0):");
  }

  @Test
  void aSignalAfterAHeldChangeStopsTheApplyAndTheSummaryStillAccountsForIt() {
    Interruption interruption = new Interruption();
    api.answerWrite(
        2,
        answer -> {
          interruption.request("SIGINT");
          return answer;
        });
    ApplyProcess process =
        new ApplyProcess(
            api, new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), interruption);

    Result result =
        process.applyFresh(
            plan(rollout(50), ApplyRunTest.pilotCohort(), ApplyRunTest.pilotFlag()),
            new ApplyProcess.Settings(true, null, false, null),
            p -> "");

    assertThat(result).isEqualTo(Result.INTERRUPTED);
    assertThat(api.writes).hasSize(2);
    assertThat(out.toString())
        .contains(
            "Apply stopped by SIGINT: 1 created, 0 updated, 0 deleted before it.",
            "Awaiting approval in PostHog (1):\n  ~ FeatureFlag \"one-page-checkout\" (id 4821):"
                + " change request #",
            "Not attempted (1):\n  + create FeatureFlag \"pilot-banner\"");
    assertThat(err.toString()).contains("error: apply stopped by SIGINT; see the summary above.");
  }

  @Test
  void applyExitsAsAwaitingApprovalWhenSomethingIsHeldAndAsAppliedWhenNothingIs() {
    ApplyProcess process =
        new ApplyProcess(api, new PrintWriter(out), new PrintWriter(err), Clock.systemUTC());
    ApplyProcess.Settings approved = new ApplyProcess.Settings(true, null, false, null);

    assertThat(process.applyFresh(plan(rollout(50)), approved, p -> ""))
        .isEqualTo(Result.AWAITING_APPROVAL);
    api.approvals.policies.clear();
    assertThat(process.applyFresh(plan(ApplyRunTest.pilotCohort()), approved, p -> ""))
        .isEqualTo(Result.APPLIED);
  }

  @Test
  void aSavedPlanIsStaleOnceARequestOpenedOnWhatItWritesOrTheOneItReplacesClosed() {
    StalePlanCheck check = StalePlanCheck.withPlannerFingerprints();
    run(plan(rollout(50)));
    String open = api.approvals.requests.get(0).path("id").asText();
    Change name =
        new Change(
            new Address(TestKinds.FEATURE_FLAG, "one-page-checkout"),
            LiveId.of(4821),
            ChangeAction.UPDATE,
            json("{'key':'one-page-checkout'}"),
            json("{'key':'one-page-checkout'}"),
            List.of(ApiRequest.patch("feature_flags/4821/", json("{'name':'Checkout'}"))),
            io.posthoggitops.plan.Fingerprint.of(json("{'key':'one-page-checkout'}")),
            null,
            null);

    assertThat(check.staleResources(plan(name), api))
        .extracting(StalePlanCheck.Stale::why)
        .containsExactly(
            "change request #"
                + open
                + " was opened on it in PostHog since the plan was made; a write would make"
                + " PostHog fail it");

    api.approvals.cancel("change_requests/" + open + "/cancel/");
    Change replacing =
        new Change(
            name.address(),
            name.liveId(),
            name.action(),
            name.before(),
            name.after(),
            List.of(
                ApiRequest.post("change_requests/" + open + "/cancel/", json("{}")),
                name.requests().get(0)),
            name.fingerprint(),
            null,
            null);
    assertThat(check.staleResources(plan(replacing), api))
        .extracting(StalePlanCheck.Stale::why)
        .containsExactly(
            "change request #"
                + open
                + ", which the plan replaces, is no longer open in PostHog (applied, rejected or"
                + " expired since the plan was made)");
  }

  @Test
  void aSavedPlanMayCancelOnlyTheRequestsItsApprovalsSayItReplaces() throws java.io.IOException {
    run(plan(rollout(50)));
    String open = api.approvals.requests.get(0).path("id").asText();
    io.posthoggitops.config.LoadResult loaded =
        io.posthoggitops.config.DeclarationLoader.loadTexts(
            java.util.Map.of(
                "flags.yaml",
                "kind: FeatureFlag\nkey: one-page-checkout\nfilters:\n  groups:\n"
                    + "    - properties: []\n      rollout_percentage: 75\n"));
    Plan replacing =
        io.posthoggitops.plan.Planner.plan(
                new io.posthoggitops.plan.PlanInput(
                    loaded.declarations(),
                    io.posthoggitops.live.LiveStateReader.read(api, "http://fake"),
                    List.of(),
                    null,
                    false,
                    List.of(),
                    List.of(),
                    plan().metadata()))
            .plan();
    Plan unlisted = new Plan(replacing.metadata(), replacing.changes(), 0, List.of(), List.of());
    StalePlanCheck check = StalePlanCheck.withPlannerFingerprints();

    assertThat(check.verify(replacing, api).edited()).isEmpty();
    assertThat(check.verify(unlisted, api).edited())
        .extracting(StalePlanCheck.Stale::why)
        .containsExactly(
            "its request 1 is POST change_requests/"
                + open
                + "/cancel/, but its change makes PATCH feature_flags/4821/");
  }
}
