package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.TestKinds;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.impact.Calls;
import io.posthoggitops.impact.ChangeImpact;
import io.posthoggitops.impact.ConditionImpact;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.Usage.ConditionChange;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.DeleteReason;
import io.posthoggitops.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpactMarkdownTest {

  @Test
  void atMostTwentySafetyWarningsSitAboveTheTableAndTheRestAreCounted() {
    List<Change> changes = new ArrayList<>();
    Map<Address, ChangeImpact> impacts = new LinkedHashMap<>();
    for (int i = 1; i <= 23; i++) {
      Address address = new Address(TestKinds.FEATURE_FLAG, "old-flag-" + i);
      changes.add(
          new Change(
              address,
              LiveId.of(3000 + i),
              ChangeAction.DELETE,
              SamplePlans.object("{'key':'old-flag-" + i + "'}"),
              null,
              List.of(
                  ApiRequest.patch(
                      "feature_flags/" + (3000 + i) + "/", SamplePlans.object("{'deleted':true}"))),
              "f" + i,
              null,
              DeleteReason.tombstone()));
      impacts.put(address, new ChangeImpact(new Calls(100 + i, 10), true, List.of()));
    }
    Plan plan = new Plan(SamplePlans.METADATA, changes, 0, List.of());

    String markdown = PlanMarkdownView.render(plan, ChangeDiffs.of(plan), new Impact(7, impacts));

    assertThat(markdown.lines().filter(l -> l.startsWith("> ⚠️ **"))).hasSize(20);
    assertThat(markdown)
        .contains(
            "> ⚠️ … and 3 more flags still called that this plan switches off (marked in the"
                + " table).\n\n| | kind | resource | change | impact |")
        .contains(
            "**Impact, last 7 days:** 23 changed flags called 2.6k times · ⚠️ 23 switched off while still called");
  }

  @Test
  void aPlanOf500FlagChangesWithImpactStaysUnder60000Characters() {
    Plan plan = SamplePlans.large(500);
    Map<Address, ChangeImpact> impacts = new LinkedHashMap<>();
    for (Change change : plan.changes()) {
      ConditionImpact condition =
          new ConditionImpact(
              new ConditionChange(0, 10.0, 20.0, false, false),
              null,
              null,
              "over the 20 estimates a run");
      impacts.put(
          change.address(),
          new ChangeImpact(new Calls(1_234_567, 48_210), false, List.of(condition)));
    }

    String markdown = PlanMarkdownView.render(plan, ChangeDiffs.of(plan), new Impact(7, impacts));

    assertThat(markdown.length()).isLessThanOrEqualTo(PlanMarkdownView.MAX_CHARS);
    assertThat(markdown)
        .contains("| ✏️ | FeatureFlag | flag-0 |")
        .contains("1.2M calls, 48k people · not estimated |")
        .contains("**Impact:** called 1.2M times by 48k people in 7 days;")
        .endsWith(" more changes not shown here.\n");
  }
}
