package io.posthoggitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.PendingReference;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.DeleteReason;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanMetadata;
import java.util.ArrayList;
import java.util.List;

/** Plans built by hand: the one PLAN-OUTPUT.md illustrates, an empty one, a very large one. */
final class SamplePlans {

  static final ObjectMapper JSON = new ObjectMapper();
  static final PlanMetadata METADATA =
      new PlanMetadata(
          1,
          "0.1.0",
          "https://api.maton.ai/posthog",
          4242,
          "Acme Web",
          "3f9c2e1a0b4d5e6f708192a3b4c5d6e7f8091a2b",
          false,
          null);

  private SamplePlans() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  /** Creates a cohort and a flag targeting it, raises one rollout, deletes a removed flag. */
  static Plan illustrated() {
    ObjectNode cohort =
        object(
            "{'name':'Pilot users','filters':{'properties':{'type':'OR','values':["
                + "{'type':'person','key':'plan','operator':'exact','value':['pilot']}]}}}");
    ObjectNode banner =
        object(
            "{'key':'pilot-banner','active':true,'filters':{'groups':[{'properties':["
                + "{'type':'cohort','key':'id','operator':'in','value':{'cohort':'Pilot users'}}],'rollout_percentage':100}]}}");
    ObjectNode bannerBody =
        object(
            "{'key':'pilot-banner','active':true,'filters':{'groups':[{'properties':["
                + "{'type':'cohort','key':'id','operator':'in','value':null}],'rollout_percentage':100}]}}");
    ((ObjectNode) bannerBody.at("/filters/groups/0/properties/0"))
        .set("value", PendingReference.placeholder(TestKinds.COHORT, "Pilot users"));
    String checkout =
        "{'key':'new-checkout','active':true,'filters':{'groups':["
            + "{'properties':[{'type':'person','key':'email','operator':'icontains','value':['@acme.com']}],'rollout_percentage':100},"
            + "{'properties':[{'type':'cohort','key':'id','operator':'in','value':{'cohort':'Beta testers'}}],'rollout_percentage':%d}]}}";
    List<Change> changes =
        List.of(
            new Change(
                new Address(TestKinds.COHORT, "Pilot users"),
                null,
                ChangeAction.CREATE,
                null,
                cohort,
                List.of(ApiRequest.post("cohorts/", cohort)),
                null,
                new SourceLocation("flags/pilot.yaml", 1, 1),
                null),
            new Change(
                new Address(TestKinds.FEATURE_FLAG, "pilot-banner"),
                null,
                ChangeAction.CREATE,
                null,
                banner,
                List.of(ApiRequest.post("feature_flags/", bannerBody)),
                null,
                new SourceLocation("flags/pilot.yaml", 12, 1),
                null),
            new Change(
                new Address(TestKinds.FEATURE_FLAG, "new-checkout"),
                LiveId.of(4821),
                ChangeAction.UPDATE,
                json(checkout.formatted(50)),
                json(checkout.formatted(75)),
                List.of(
                    ApiRequest.patch(
                        "feature_flags/4821/",
                        (ObjectNode)
                            json(checkout.formatted(75))
                                .get("filters")
                                .deepCopy()
                                .get("groups")
                                .get(1)
                                .deepCopy())),
                "9b1c0d",
                new SourceLocation("flags/checkout.yaml", 1, 1),
                null),
            new Change(
                new Address(TestKinds.FEATURE_FLAG, "old-banner"),
                LiveId.of(3117),
                ChangeAction.DELETE,
                object("{'key':'old-banner','active':false}"),
                null,
                List.of(ApiRequest.patch("feature_flags/3117/", object("{'deleted':true}"))),
                "77aa01",
                null,
                DeleteReason.removedSince("origin/main", "flags/old-banner.yaml")));
    return new Plan(
        METADATA,
        changes,
        7,
        List.of(
            "tags of FeatureFlag/new-checkout are not stored: the organisation lacks the tagging feature"));
  }

  static Plan empty() {
    return new Plan(METADATA, List.of(), 7, List.of());
  }

  /** {@code n} flag updates, each with a diff of a few hundred characters. */
  static Plan large(int n) {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String flag =
          "{'key':'flag-%d','name':'Flag number %d with a long enough description','filters':{'groups':[{'properties':[],'rollout_percentage':%d}]}}";
      changes.add(
          new Change(
              new Address(TestKinds.FEATURE_FLAG, "flag-" + i),
              LiveId.of(1000 + i),
              ChangeAction.UPDATE,
              json(flag.formatted(i, i, 10)),
              json(flag.formatted(i, i, 20)),
              List.of(),
              "fp" + i,
              new SourceLocation("flags/many.yaml", 1 + 10 * i, 1),
              null));
    }
    return new Plan(METADATA, changes, 0, List.of());
  }
}
