package io.posthoggitops.apply;

import static io.posthoggitops.apply.ApplyRunTest.change;
import static io.posthoggitops.apply.ApplyRunTest.json;
import static io.posthoggitops.apply.ApplyRunTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class StalePlanCheckTest {
  /** Canonical form here: the raw object without its id; the fingerprint: its JSON text. */
  private final StalePlanCheck check =
      new StalePlanCheck(
          (live, state) -> (ObjectNode) live.raw().deepCopy().without("id"),
          (live, state, before) -> {
            ObjectNode fields = live.raw().deepCopy();
            fields.properties().removeIf(field -> !before.has(field.getKey()));
            return live.kind().name() + fields;
          });

  private final FakePostHog api = new FakePostHog();

  private Change update(String before) {
    ObjectNode canonical = json(before);
    return new Change(
        new Address(TestKinds.FEATURE_FLAG, "new-checkout"),
        LiveId.of(4821),
        ChangeAction.UPDATE,
        canonical,
        null,
        List.of(ApiRequest.patch("feature_flags/4821/", json("{'active':false}"))),
        "FeatureFlag" + canonical,
        null,
        null);
  }

  private List<String> stale(Change... changes) {
    return check.staleResources(plan(changes), api).stream()
        .map(StalePlanCheck.Stale::line)
        .toList();
  }

  @Test
  void findsNothingStaleWhenTheComparedFieldsAreAsPlanned() {
    api.add("feature_flags", json("{'id':4821,'key':'new-checkout','active':true,'version':7}"));

    assertThat(stale(update("{'key':'new-checkout','active':true}"))).isEmpty();
  }

  @Test
  void namesTheFieldsChangedInPostHogSinceThePlan() {
    api.add("feature_flags", json("{'id':4821,'key':'new-checkout','active':false}"));

    assertThat(stale(update("{'key':'new-checkout','active':true}")))
        .containsExactly(
            "~ FeatureFlag \"new-checkout\" (id 4821): changed in PostHog since the plan was made (active)");
  }

  @Test
  void reportsAnUpdatedObjectThatNoLongerExists() {
    assertThat(stale(update("{'key':'new-checkout','active':true}")))
        .containsExactly(
            "~ FeatureFlag \"new-checkout\" (id 4821): no longer exists in PostHog (deleted since the plan was made)");
  }

  @Test
  void reportsACreateWhoseIdentityNowExists() {
    api.add("cohorts", json("{'id':912,'name':'Pilot users'}"));
    Change create =
        change(
            TestKinds.COHORT,
            "Pilot users",
            null,
            ChangeAction.CREATE,
            ApiRequest.post("cohorts/", json("{'name':'Pilot users'}")));

    assertThat(stale(create))
        .containsExactly(
            "+ Cohort \"Pilot users\": now exists in PostHog (id 912), created since the plan was made");
  }

  @Test
  void readsOnlyTheKindsThePlanTouchesAndTheKindsTheyCanReference() {
    Change create =
        change(
            TestKinds.COHORT,
            "Pilot users",
            null,
            ChangeAction.CREATE,
            ApiRequest.post("cohorts/", json("{'name':'Pilot users'}")));

    stale(create);

    assertThat(api.reads).containsExactly("list actions", "list cohorts");
  }
}
