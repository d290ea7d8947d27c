package io.posthoggitops.diff;

import static io.posthoggitops.diff.CanonicalYamlTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.DeleteReason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeDiffsTest {

  private static final String CHECKOUT =
      "{'key':'new-checkout','name':'One-page checkout','active':true,'filters':{'groups':["
          + "{'properties':[{'type':'person','key':'email','operator':'icontains','value':['@acme.com']}],'rollout_percentage':100},"
          + "{'properties':[{'type':'cohort','key':'id','operator':'in','value':{'cohort':'Beta testers'}}],'rollout_percentage':%d}],"
          + "'payloads':{}}}";

  private static final String INSIGHT =
      "{'tiles':[%s{'text':'b'},{'insight':{'name':'i','q':{'s':{'k':'x'}},'a':1,'b':2,'c':3,'d':4,'e':5,'f':6,'g':7,'interval':'%s'}}]}";

  static Change update(Kind kind, String identity, JsonNode before, JsonNode after) {
    return new Change(
        new Address(kind, identity),
        LiveId.of(4821),
        ChangeAction.UPDATE,
        before,
        after,
        List.of(),
        "f",
        null,
        null);
  }

  @Test
  void headsAHunkWithThePathOfTheObjectThatChanged() {
    Change change =
        update(
            TestKinds.FEATURE_FLAG,
            "new-checkout",
            json(CHECKOUT.formatted(50)),
            json(CHECKOUT.formatted(75)));

    ResourceDiff diff = ChangeDiffs.of(change, Set.of());

    assertThat(diff.text())
        .isEqualTo(
            """
            @@ filters.groups[1] @@
                    rollout_percentage: 100
                  - properties:
                      - {type: cohort, key: id, operator: in, value: {cohort: Beta testers}}
            -       rollout_percentage: 50
            +       rollout_percentage: 75
                payloads: {}
            """);
    assertThat(diff.leafChanges())
        .containsExactly(
            new LeafChange("filters.groups[1].rollout_percentage", json("50"), json("75")));
  }

  @Test
  void labelsATopLevelFieldChangeWithTheField() {
    Change change =
        update(
            TestKinds.FEATURE_FLAG,
            "k",
            json("{'key':'k','active':true}"),
            json("{'key':'k','active':false}"));

    assertThat(ChangeDiffs.of(change, Set.of()).lines()).first().isEqualTo("@@ active @@");
  }

  @Test
  void labelsAHunkByWhereTheChangeSitsInTheDesiredObjectWhenListItemsMoved() {
    Change change =
        update(
            TestKinds.DASHBOARD,
            "d",
            json("{'tiles':[{'text':'b'},{'insight':{'name':'i','interval':'week'}}]}"),
            json("{'tiles':[{'insight':{'name':'i','interval':'day'}},{'text':'b'}]}"));

    assertThat(ChangeDiffs.of(change, Set.of()).lines())
        .filteredOn(l -> l.startsWith("@@"))
        .containsExactly("@@ tiles @@");
    Change edit =
        update(
            TestKinds.DASHBOARD,
            "d",
            json(INSIGHT.formatted("{'text':'a'},", "week")),
            json(INSIGHT.formatted("", "day")));

    assertThat(ChangeDiffs.of(edit, Set.of()).lines())
        .filteredOn(l -> l.startsWith("@@"))
        .containsExactly("@@ tiles @@", "@@ tiles[1].insight @@");
  }

  @Test
  void showsEveryLineOfACreateAsAdded() {
    Change create =
        new Change(
            new Address(TestKinds.COHORT, "Pilot users"),
            null,
            ChangeAction.CREATE,
            null,
            json("{'name':'Pilot users','filters':{'properties':{'type':'OR','values':[]}}}"),
            List.of(),
            null,
            null,
            null);

    assertThat(ChangeDiffs.of(create, Set.of()).lines())
        .containsExactly(
            "+ name: Pilot users",
            "+ filters:",
            "+   properties:",
            "+     type: OR",
            "+     values: []");
  }

  @Test
  void showsADeleteAsTheSoftDeleteRequest() {
    Change delete =
        new Change(
            new Address(TestKinds.FEATURE_FLAG, "old"),
            LiveId.of(3117),
            ChangeAction.DELETE,
            json("{'key':'old'}"),
            null,
            List.of(),
            "f",
            null,
            DeleteReason.tombstone());

    assertThat(ChangeDiffs.of(delete, Set.of()).text())
        .isEqualTo("soft delete: PATCH {\"deleted\": true}\n");
  }

  @Test
  void listsEveryChangedLeafWithItsOldAndNewValue() {
    List<LeafChange> leaves =
        LeafChange.between(
            json("{'a':1,'b':{'c':[1,2]},'d':'x'}"), json("{'a':1.0,'b':{'c':[1,3,4]},'e':'y'}"));

    assertThat(leaves)
        .extracting(l -> l.path() + " " + l.beforeText() + " → " + l.afterText())
        .containsExactly("b.c[1] 2 → 3", "b.c[2] (none) → 4", "e (none) → y", "d x → (none)");
  }
}
