package io.posthoggitops.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.Problem;
import io.posthoggitops.model.LiveObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Bodies as canonical fields, marked so a test sees that the conversion was applied. */
  private static final RequestBuilder.ApiBodies BODIES =
      (kind, canonical, refs) -> canonical.deepCopy().put("_via", kind.name());

  private static final References NO_REFS =
      new References() {
        @Override
        public Optional<JsonNode> idOf(Kind kind, String identity) {
          return Optional.empty();
        }

        @Override
        public Optional<String> identityOf(Kind kind, LiveId id) {
          return Optional.empty();
        }
      };

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<ApiRequest> build(
      Kind kind, ChangeAction action, LiveObject live, ObjectNode before, ObjectNode after) {
    return RequestBuilder.requestsFor(kind, action, live, before, after, NO_REFS, BODIES);
  }

  private static LiveObject live(Kind kind, long id, String identity, ObjectNode raw) {
    return new LiveObject(kind, LiveId.of(id), identity, raw);
  }

  private static String summary(List<ApiRequest> requests) {
    return String.join(
        "\n", requests.stream().map(r -> r.method() + " " + r.path() + " " + r.body()).toList());
  }

  @Test
  void createsAFlagWithOnePostOfItsApiBody() {
    ObjectNode after = json("{'key':'pilot-banner','active':true,'filters':{'groups':[]}}");

    List<ApiRequest> requests =
        build(TestKinds.FEATURE_FLAG, ChangeAction.CREATE, null, null, after);

    assertThat(summary(requests))
        .isEqualTo(
            "POST feature_flags/ {\"key\":\"pilot-banner\",\"active\":true,\"filters\":{\"groups\":[]},\"_via\":\"FeatureFlag\"}");
  }

  @Test
  void updatesOnlyTheFieldsThatDifferAndSendsFiltersWhole() {
    ObjectNode before =
        json(
            "{'key':'k','name':'Old','active':true,'tags':['a','b'],"
                + "'filters':{'groups':[{'rollout_percentage':50.0}],'payloads':{}}}");
    ObjectNode after =
        json(
            "{'key':'k','name':'Old','active':false,'tags':['b','a'],"
                + "'filters':{'groups':[{'rollout_percentage':75}],'payloads':{}}}");

    List<ApiRequest> requests =
        build(
            TestKinds.FEATURE_FLAG,
            ChangeAction.UPDATE,
            live(TestKinds.FEATURE_FLAG, 4821, "k", json("{}")),
            before,
            after);

    assertThat(summary(requests))
        .isEqualTo(
            "PATCH feature_flags/4821/ "
                + "{\"active\":false,\"filters\":{\"groups\":[{\"rollout_percentage\":75}],\"payloads\":{}},\"_via\":\"FeatureFlag\"}");
  }

  @Test
  void sendsNothingWhenValuesDifferOnlyInNumberFormOrTagOrder() {
    ObjectNode before =
        json("{'key':'k','tags':['Beta','a'],'filters':{'groups':[{'rollout_percentage':50.0}]}}");
    ObjectNode after =
        json("{'key':'k','tags':['a','beta'],'filters':{'groups':[{'rollout_percentage':50}]}}");

    assertThat(
            build(
                TestKinds.FEATURE_FLAG,
                ChangeAction.UPDATE,
                live(TestKinds.FEATURE_FLAG, 1, "k", json("{}")),
                before,
                after))
        .isEmpty();
  }

  @Test
  void deletesSoftlyWithAPatchNeverAnHttpDelete() {
    List<ApiRequest> requests =
        build(
            TestKinds.COHORT,
            ChangeAction.DELETE,
            live(TestKinds.COHORT, 12, "Pilot", json("{}")),
            json("{'name':'Pilot'}"),
            null);

    assertThat(summary(requests)).isEqualTo("PATCH cohorts/12/ {\"deleted\":true}");
  }

  @Test
  void deletesADashboardWithTheInsightsThatLiveOnlyOnIt() {
    List<ApiRequest> requests =
        build(
            TestKinds.DASHBOARD,
            ChangeAction.DELETE,
            live(TestKinds.DASHBOARD, 3101, "Checkout", json("{}")),
            json("{'name':'Checkout'}"),
            null);

    assertThat(summary(requests))
        .isEqualTo("PATCH dashboards/3101/ {\"deleted\":true,\"delete_insights\":true}");
  }

  @Test
  void createsAnExperimentAsADraftThenLaunchesItWhenDeclaredRunning() {
    ObjectNode after = json("{'name':'Button','feature_flag_key':'button','status':'running'}");

    List<ApiRequest> requests = build(TestKinds.EXPERIMENT, ChangeAction.CREATE, null, null, after);

    assertThat(summary(requests))
        .isEqualTo(
            "POST experiments/ {\"name\":\"Button\",\"feature_flag_key\":\"button\",\"_via\":\"Experiment\"}\n"
                + "POST experiments/{id}/launch/ {}");
  }

  @Test
  void createsAStoppedExperimentByLaunchingThenEndingIt() {
    ObjectNode after = json("{'name':'Button','feature_flag_key':'button','status':'stopped'}");

    List<ApiRequest> requests = build(TestKinds.EXPERIMENT, ChangeAction.CREATE, null, null, after);

    assertThat(requests)
        .extracting(ApiRequest::path)
        .containsExactly("experiments/", "experiments/{id}/launch/", "experiments/{id}/end/");
  }

  @Test
  void movesARunningExperimentForwardWithEndAndNeverSendsStatus() {
    ObjectNode before = json("{'name':'Button','feature_flag_key':'button','status':'running'}");
    ObjectNode after = json("{'name':'Button v2','feature_flag_key':'button','status':'stopped'}");

    List<ApiRequest> requests =
        build(
            TestKinds.EXPERIMENT,
            ChangeAction.UPDATE,
            live(TestKinds.EXPERIMENT, 77, "button", json("{}")),
            before,
            after);

    assertThat(summary(requests))
        .isEqualTo(
            "PATCH experiments/77/ {\"name\":\"Button v2\",\"_via\":\"Experiment\"}\nPOST experiments/77/end/ {}");
  }

  @Test
  void sendsAnExperimentsParametersWholeWhenOneVariantChanges() {
    ObjectNode before =
        json(
            "{'name':'B','feature_flag_key':'b','status':'draft','parameters':{'feature_flag_variants':"
                + "[{'key':'control','rollout_percentage':50},{'key':'test','rollout_percentage':50}],'minimum_detectable_effect':30}}");
    ObjectNode after =
        json(
            "{'name':'B','feature_flag_key':'b','status':'draft','parameters':{'feature_flag_variants':"
                + "[{'key':'control','rollout_percentage':30},{'key':'test','rollout_percentage':70}],'minimum_detectable_effect':30}}");

    List<ApiRequest> requests =
        build(
            TestKinds.EXPERIMENT,
            ChangeAction.UPDATE,
            live(TestKinds.EXPERIMENT, 77, "b", json("{}")),
            before,
            after);

    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).body().get("parameters")).isEqualTo(after.get("parameters"));
    assertThat(requests.get(0).body().has("status")).isFalse();
  }

  @Test
  void refusesToMoveAnExperimentBackwardsAndSendsNoMoveForIt() {
    ObjectNode before = json("{'name':'B','feature_flag_key':'b','status':'stopped'}");
    ObjectNode after = json("{'name':'B','feature_flag_key':'b','status':'running'}");

    assertThat(TestKinds.EXPERIMENT.refusedUpdate(before, after))
        .extracting(Problem::pointer, Problem::message)
        .containsExactly(
            tuple(
                "/status",
                "Experiment/b is stopped in PostHog and cannot move back to running; experiments"
                    + " only move forward (draft → running → stopped). Set status: stopped, or"
                    + " declare a new experiment with another feature_flag_key"));
    assertThat(
            build(
                TestKinds.EXPERIMENT,
                ChangeAction.UPDATE,
                live(TestKinds.EXPERIMENT, 77, "b", json("{}")),
                before,
                after))
        .isEmpty();
  }

  @Test
  void createsADashboardThenItsInsightsFromTheInsightSideThenTextAndLayoutsInOneTilesPatch() {
    ObjectNode after =
        json(
            "{'name':'Checkout','pinned':true,'tiles':["
                + "{'insight':{'name':'Daily','query':{'kind':'InsightVizNode'}},'layouts':{'sm':{'x':0,'y':0,'w':6,'h':5}}},"
                + "{'text':'## Hello'}]}");

    List<ApiRequest> requests = build(TestKinds.DASHBOARD, ChangeAction.CREATE, null, null, after);

    assertThat(summary(requests))
        .isEqualTo(
            "POST dashboards/ {\"name\":\"Checkout\",\"pinned\":true,\"_via\":\"Dashboard\"}\n"
                + "POST insights/ {\"name\":\"Daily\",\"query\":{\"kind\":\"InsightVizNode\"},"
                + "\"dashboards\":[{\"$ref\":\"Dashboard/Checkout\"}]}\n"
                + "PATCH dashboards/{id}/ {\"tiles\":["
                + "{\"id\":{\"$ref\":\"Dashboard/Checkout#tile:Daily\"},\"layouts\":{\"sm\":{\"x\":0,\"y\":0,\"w\":6,\"h\":5}}},"
                + "{\"text\":{\"body\":\"## Hello\"}}]}");
  }

  @Test
  void updatesTilesAgainstTheLiveTileAndInsightIdsAndEditsAChangedTextInPlace() throws IOException {
    ObjectNode raw = fixture("dashboard.retrieve.json");
    ObjectNode before =
        json(
            "{'name':'Checkout','tiles':[{'text':'## Checkout health\\nConversion and volume.'},"
                + "{'insight':{'name':'Daily checkouts','description':'','query':{'kind':'InsightVizNode'}}}]}");
    ObjectNode after =
        json(
            "{'name':'Checkout','tiles':["
                + "{'insight':{'name':'Daily checkouts','description':'Per day','query':{'kind':'InsightVizNode'}},"
                + "'layouts':{'sm':{'x':6,'y':1,'w':6,'h':5}}},"
                + "{'text':'## New section'}]}");

    List<ApiRequest> requests =
        build(
            TestKinds.DASHBOARD,
            ChangeAction.UPDATE,
            live(TestKinds.DASHBOARD, 3101, "Checkout", raw),
            before,
            after);

    assertThat(summary(requests))
        .isEqualTo(
            "PATCH insights/5521/ {\"description\":\"Per day\"}\n"
                + "PATCH dashboards/3101/ {\"tiles\":["
                + "{\"id\":9001,\"layouts\":{\"sm\":{\"x\":6,\"y\":1,\"w\":6,\"h\":5},\"xs\":{\"x\":0,\"y\":1,\"w\":1,\"h\":5}}},"
                + "{\"id\":9002,\"text\":{\"id\":55,\"body\":\"## New section\"}}]}");
  }

  @Test
  void softDeletesARemovedTilesInsightOnlyWhenNoOtherDashboardShowsIt() throws IOException {
    ObjectNode raw = fixture("dashboard.retrieve.json");
    ObjectNode after =
        json(
            "{'name':'Checkout','tiles':[{'text':'## Checkout health\\nConversion and volume.'}]}");
    LiveObject alone = live(TestKinds.DASHBOARD, 3101, "Checkout", raw);
    ObjectNode shared = raw.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) shared.at("/tiles/1/insight/dashboard_tiles"))
        .addObject()
        .put("id", 9100)
        .put("dashboard_id", 3200);
    LiveObject sharedLive = live(TestKinds.DASHBOARD, 3101, "Checkout", shared);

    assertThat(summary(build(TestKinds.DASHBOARD, ChangeAction.UPDATE, alone, after, after)))
        .isEqualTo(
            "PATCH dashboards/3101/ {\"tiles\":[{\"id\":9001,\"deleted\":true}]}\n"
                + "PATCH insights/5521/ {\"deleted\":true}");
    assertThat(summary(build(TestKinds.DASHBOARD, ChangeAction.UPDATE, sharedLive, after, after)))
        .isEqualTo("PATCH dashboards/3101/ {\"tiles\":[{\"id\":9001,\"deleted\":true}]}");
  }

  @Test
  void leavesUndeclaredLayoutsAndMatchingTilesAlone() throws IOException {
    ObjectNode raw = fixture("dashboard.retrieve.json");
    ObjectNode tiles =
        json(
            "{'name':'Checkout','tiles':[{'text':'## Checkout health\\nConversion and volume.',"
                + "'layouts':{'sm':{'x':0,'y':0,'w':12,'h':1}}},"
                + "{'insight':{'name':'Daily checkouts','query':{'kind':'InsightVizNode'}}}]}");

    assertThat(
            build(
                TestKinds.DASHBOARD,
                ChangeAction.UPDATE,
                live(TestKinds.DASHBOARD, 3101, "Checkout", raw),
                tiles,
                tiles))
        .isEmpty();
  }

  @Test
  void leavesButtonTilesAloneAndMatchesAnUnnamedInsightByItsDerivedName() throws IOException {
    ObjectNode raw = fixture("dashboard.retrieve.json");
    ((ObjectNode) raw.at("/tiles/1/insight")).putNull("name");
    ((com.fasterxml.jackson.databind.node.ArrayNode) raw.get("tiles"))
        .addObject()
        .put("id", 9003)
        .putNull("insight")
        .putNull("text")
        .set("button_tile", json("{'url':'https://example.com','text':'Open'}"));
    ObjectNode after =
        json(
            "{'name':'Checkout','tiles':[{'text':'## Checkout health\\nConversion and volume.'},"
                + "{'insight':{'name':'Checkout completed count','query':{'kind':'InsightVizNode'}}}]}");

    List<ApiRequest> requests =
        build(
            TestKinds.DASHBOARD,
            ChangeAction.UPDATE,
            live(TestKinds.DASHBOARD, 3101, "Checkout", raw),
            after,
            after);

    assertThat(summary(requests)).doesNotContain("9003").doesNotContain("POST insights/");
  }

  static ObjectNode fixture(String name) throws IOException {
    try (InputStream in = RequestBuilderTest.class.getResourceAsStream("/apply/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    }
  }
}
