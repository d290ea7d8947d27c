package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplyRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Change change(
      Kind kind, String identity, Long liveId, ChangeAction action, ApiRequest... requests) {
    return new Change(
        new Address(kind, identity),
        liveId == null ? null : LiveId.of(liveId),
        action,
        null,
        null,
        List.of(requests),
        null,
        null,
        null);
  }

  static Plan plan(Change... changes) {
    PlanMetadata metadata =
        new PlanMetadata(1, "test", "http://localhost", 4242, "Acme Web", null, false, null);
    return new Plan(metadata, List.of(changes), 0, List.of());
  }

  static Change pilotCohort() {
    return change(
        TestKinds.COHORT,
        "Pilot users",
        null,
        ChangeAction.CREATE,
        ApiRequest.post("cohorts/", json("{'name':'Pilot users','filters':{}}")));
  }

  static Change pilotFlag() {
    return change(
        TestKinds.FEATURE_FLAG,
        "pilot-banner",
        null,
        ChangeAction.CREATE,
        ApiRequest.post(
            "feature_flags/",
            json(
                "{'key':'pilot-banner','filters':{'groups':[{'properties':"
                    + "[{'type':'cohort','key':'id','operator':'in','value':{'$ref':'Cohort/Pilot users'}}]}]}}")));
  }

  private ApplyReport run(FakePostHog api, Plan plan) {
    ApplyReport report = new ApplyRun(api, print(out), print(err)).run(plan);
    report.summary().forEach(print(out)::println);
    return report;
  }

  private static PrintWriter print(ByteArrayOutputStream buffer) {
    return new PrintWriter(new java.io.OutputStreamWriter(buffer, StandardCharsets.UTF_8), true);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void putsTheIdOfACohortCreatedEarlierIntoTheFlagThatTargetsIt() {
    FakePostHog api = new FakePostHog();

    ApplyReport report = run(api, plan(pilotCohort(), pilotFlag()));

    assertThat(report.succeeded()).isTrue();
    long cohortId = api.all("cohorts").get(0).path("id").asLong();
    assertThat(api.all("feature_flags").get(0).at("/filters/groups/0/properties/0/value").asLong())
        .isEqualTo(cohortId);
    assertThat(stdout())
        .isEqualTo(
            "+ created Cohort \"Pilot users\" (id 5001)\n"
                + "+ created FeatureFlag \"pilot-banner\" (id 5002)\n"
                + "Apply complete: 2 created, 0 updated, 0 deleted.\n");
  }

  @Test
  void launchesAnExperimentAtTheIdItsCreateReturned() {
    FakePostHog api = new FakePostHog();
    Change experiment =
        change(
            TestKinds.EXPERIMENT,
            "button",
            null,
            ChangeAction.CREATE,
            ApiRequest.post("experiments/", json("{'name':'Button','feature_flag_key':'button'}")),
            ApiRequest.post("experiments/{id}/launch/", json("{}")));

    run(api, plan(experiment));

    assertThat(api.writes)
        .containsExactly(
            "POST experiments/ {\"name\":\"Button\",\"feature_flag_key\":\"button\"}",
            "POST experiments/5001/launch/ {}");
    assertThat(api.all("experiments").get(0).path("start_date").isTextual()).isTrue();
  }

  @Test
  void placesAnInsightOnADashboardCreatedInTheSameApplyAndLaysOutItsTile() {
    FakePostHog api = new FakePostHog();
    Change dashboard =
        change(
            TestKinds.DASHBOARD,
            "Checkout",
            null,
            ChangeAction.CREATE,
            ApiRequest.post("dashboards/", json("{'name':'Checkout'}")),
            ApiRequest.post(
                "insights/",
                json("{'name':'Daily','query':{},'dashboards':[{'$ref':'Dashboard/Checkout'}]}")),
            ApiRequest.patch(
                "dashboards/{id}/",
                json(
                    "{'tiles':[{'id':{'$ref':'Dashboard/Checkout#tile:Daily'},"
                        + "'layouts':{'sm':{'x':0,'y':0,'w':6,'h':5}}},{'text':{'body':'Hi'}}]}")));

    ApplyReport report = run(api, plan(dashboard));

    assertThat(report.succeeded()).isTrue();
    assertThat(api.writes.get(1))
        .isEqualTo("POST insights/ {\"name\":\"Daily\",\"query\":{},\"dashboards\":[5001]}");
    ObjectNode stored = api.all("dashboards").get(0);
    assertThat(stored.at("/tiles/0/layouts/sm/w").asInt()).isEqualTo(6);
    assertThat(stored.at("/tiles/1/text/body").asText()).isEqualTo("Hi");
    assertThat(stdout()).startsWith("+ created Dashboard \"Checkout\" (id 5001)\n");
  }

  @Test
  void stopsAtTheFirstFailureAndAccountsForEveryChange() {
    FakePostHog api =
        new FakePostHog().rejectWrite(2, "There is already a feature flag with this key.", "key");
    Change delete =
        change(
            TestKinds.FEATURE_FLAG,
            "old-banner",
            3117L,
            ChangeAction.DELETE,
            ApiRequest.patch("feature_flags/3117/", json("{'deleted':true}")));

    ApplyReport report = run(api, plan(pilotCohort(), pilotFlag(), delete));

    assertThat(report.succeeded()).isFalse();
    assertThat(api.writes).hasSize(2);
    assertThat(stdout())
        .isEqualTo(
            "+ created Cohort \"Pilot users\" (id 5001)\n"
                + "\n"
                + "Apply stopped at the first failure: 1 created, 0 updated, 0 deleted before it.\n"
                + "Applied (1):\n"
                + "  + created Cohort \"Pilot users\" (id 5001)\n"
                + "Failed (1):\n"
                + "  + create FeatureFlag \"pilot-banner\"\n"
                + "    request: POST feature_flags/\n"
                + "    error: PostHog refused the write (HTTP 400): There is already a feature flag with this key.\n"
                + "    detail: There is already a feature flag with this key.\n"
                + "    attr: key\n"
                + "Not attempted (1):\n"
                + "  - delete FeatureFlag \"old-banner\" (id 3117)\n"
                + "Nothing after the failure was sent. Fix the cause, then run apply again: it plans from the live"
                + " state, so what was applied is not repeated.\n");
  }

  @Test
  void countsAPostWhoseAnswerWasLostAsCreatedWhenReListingFindsIt() {
    FakePostHog api = new FakePostHog().loseAnswerOfWrite(1);

    ApplyReport report = run(api, plan(pilotCohort(), pilotFlag()));

    assertThat(report.succeeded()).isTrue();
    assertThat(api.all("cohorts")).hasSize(1);
    assertThat(api.count(w -> w.startsWith("POST cohorts/"))).isEqualTo(1);
    assertThat(api.all("feature_flags").get(0).at("/filters/groups/0/properties/0/value").asLong())
        .isEqualTo(5001);
    assertThat(stderr()).contains("POST cohorts/ got no clear answer").contains("not sent again");
  }

  @Test
  void stopsWithoutPostingAgainWhenAnUnclearPostCreatedNothing() {
    FakePostHog api = new FakePostHog().failUnclearly(1);

    ApplyReport report = run(api, plan(pilotCohort(), pilotFlag()));

    assertThat(report.succeeded()).isFalse();
    assertThat(api.writes).hasSize(1);
    assertThat(api.all("cohorts")).isEmpty();
    assertThat(stdout())
        .contains("Failed (1):\n  + create Cohort \"Pilot users\"\n")
        .contains("Not attempted (1):\n  + create FeatureFlag \"pilot-banner\"");
  }

  @Test
  void findsALaunchThatTookEffectDespiteALostAnswer() {
    FakePostHog api = new FakePostHog().loseAnswerOfWrite(2);
    Change experiment =
        change(
            TestKinds.EXPERIMENT,
            "button",
            null,
            ChangeAction.CREATE,
            ApiRequest.post("experiments/", json("{'name':'Button','feature_flag_key':'button'}")),
            ApiRequest.post("experiments/{id}/launch/", json("{}")));

    assertThat(run(api, plan(experiment)).succeeded()).isTrue();
    assertThat(api.writes).hasSize(2);
  }

  @Test
  void warnsAboutASentFieldThatPostHogDidNotStore() {
    FakePostHog api = new FakePostHog();
    api.droppedFields = Set.of("tags");
    api.add("feature_flags", json("{'id':4821,'key':'new-checkout','tags':[]}"));
    Change update =
        change(
            TestKinds.FEATURE_FLAG,
            "new-checkout",
            4821L,
            ChangeAction.UPDATE,
            ApiRequest.patch("feature_flags/4821/", json("{'tags':['beta'],'active':false}")));

    run(api, plan(update));

    assertThat(stdout()).startsWith("~ updated FeatureFlag \"new-checkout\" (id 4821)\n");
    assertThat(stderr())
        .contains("warning: PostHog did not store tags of FeatureFlag \"new-checkout\"")
        .doesNotContain("active");
  }

  @Test
  void refusesAPlanThatHoldsAnHttpDeleteBeforeWritingAnything() {
    FakePostHog api = new FakePostHog();
    Change delete =
        change(
            TestKinds.FEATURE_FLAG,
            "old",
            1L,
            ChangeAction.DELETE,
            new ApiRequest("DELETE", "feature_flags/1/", json("{}")));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(api, plan(pilotCohort(), delete)))
        .hasMessageContaining("apply sends only POST and PATCH");
    assertThat(api.writes).isEmpty();
  }

  @Test
  void findsANewInsightsTileOnTheDashboardWhenTheAnswerDoesNotListIt() {
    FakePostHog api =
        new FakePostHog() {
          @Override
          public ObjectNode write(String method, String path, ObjectNode body) {
            ObjectNode answer = super.write(method, path, body);
            answer.remove("dashboard_tiles");
            return answer;
          }
        };
    Change dashboard =
        change(
            TestKinds.DASHBOARD,
            "Checkout",
            null,
            ChangeAction.CREATE,
            ApiRequest.post("dashboards/", json("{'name':'Checkout'}")),
            ApiRequest.post(
                "insights/",
                json("{'name':'Daily','query':{},'dashboards':[{'$ref':'Dashboard/Checkout'}]}")),
            ApiRequest.patch(
                "dashboards/{id}/",
                json(
                    "{'tiles':[{'id':{'$ref':'Dashboard/Checkout#tile:Daily'},"
                        + "'layouts':{'sm':{'x':0,'y':0,'w':6,'h':5}}}]}")));

    ApplyReport report = run(api, plan(dashboard));

    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
    assertThat(api.reads)
        .containsExactly("get dashboards/?search=Checkout&limit=100", "get dashboards/5001/");
    assertThat(api.all("dashboards").get(0).at("/tiles/0/layouts/sm/w").asInt()).isEqualTo(6);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "id {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "-3", "1.5", "\"5001\"", "null"})
  void aCreateAnsweredWithoutAPositiveIdStopsBeforeAnythingThatNeedsIt(String id) {
    FakePostHog api =
        new FakePostHog()
            .answerWrite(1, answer -> answer.set("id", json("{'id':" + id + "}").get("id")));

    ApplyReport report = run(api, plan(pilotCohort(), pilotFlag()));

    assertThat(report.succeeded()).isFalse();
    assertThat(api.writes).hasSize(1);
    assertThat(stdout())
        .contains(
            "POST cohorts/ answered without a valid id (got "
                + json("{'id':" + id + "}").get("id")
                + ")")
        .contains("nothing that depends on it was sent")
        .contains("Not attempted (1):");
  }

  @Test
  void aPatchAnsweredWithAnotherObjectStopsTheApply() {
    FakePostHog api = new FakePostHog();
    api.add("feature_flags", json("{'id':4821,'key':'new-checkout','active':true}"));
    api.add("feature_flags", json("{'id':4822,'key':'kill-switch','active':true}"));
    api.answerWrite(1, answer -> answer.put("id", 4822));
    Change update =
        change(
            TestKinds.FEATURE_FLAG,
            "new-checkout",
            4821L,
            ChangeAction.UPDATE,
            ApiRequest.patch("feature_flags/4821/", json("{'active':false}")));

    ApplyReport report = run(api, plan(update, pilotCohort()));

    assertThat(report.succeeded()).isFalse();
    assertThat(api.writes).hasSize(1);
    assertThat(stdout())
        .contains("PATCH feature_flags/4821/ was answered with the object of id 4822, not 4821")
        .doesNotContain("~ updated FeatureFlag \"new-checkout\"")
        .contains("Not attempted (1):");
  }

  @Test
  void aSignalDuringAWriteLetsItFinishAndStopsBeforeTheNext() {
    Interruption interruption = new Interruption();
    FakePostHog api =
        new FakePostHog()
            .answerWrite(
                1,
                answer -> {
                  interruption.request("SIGINT");
                  return answer;
                });

    ApplyReport report =
        new ApplyRun(api, print(out), print(err), interruption)
            .run(plan(pilotCohort(), pilotFlag()));
    report.summary().forEach(print(out)::println);

    assertThat(report.stoppedBy()).isEqualTo("SIGINT");
    assertThat(api.writes).hasSize(1);
    assertThat(stdout())
        .contains("+ created Cohort \"Pilot users\" (id 5001)")
        .contains("Apply stopped by SIGINT: 1 created, 0 updated, 0 deleted before it.")
        .contains("Applied (1):\n  + created Cohort \"Pilot users\" (id 5001)")
        .contains("Not attempted (1):\n  + create FeatureFlag \"pilot-banner\"")
        .doesNotContain("Failed");
  }

  @Test
  void aSignalBetweenTwoRequestsOfOneChangeSaysWhatTookEffect() {
    Interruption interruption = new Interruption();
    FakePostHog api =
        new FakePostHog()
            .answerWrite(
                1,
                answer -> {
                  interruption.request("SIGTERM");
                  return answer;
                });
    Change experiment =
        change(
            TestKinds.EXPERIMENT,
            "checkout-test",
            null,
            ChangeAction.CREATE,
            ApiRequest.post(
                "experiments/", json("{'name':'Checkout','feature_flag_key':'checkout-test'}")),
            ApiRequest.post("experiments/{id}/launch/", json("{}")));

    ApplyReport report =
        new ApplyRun(api, print(out), print(err), interruption).run(plan(experiment));
    report.summary().forEach(print(out)::println);

    assertThat(api.writes).hasSize(1);
    assertThat(stdout())
        .contains("Stopped partway (1):\n  + create Experiment \"checkout-test\"")
        .contains("stopped by SIGTERM after 1 of its 2 requests took effect");
  }
}
