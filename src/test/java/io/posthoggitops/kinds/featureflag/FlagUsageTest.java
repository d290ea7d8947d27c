package io.posthoggitops.kinds.featureflag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.Usage;
import io.posthoggitops.kind.Usage.ConditionChange;
import io.posthoggitops.kind.Usage.Reach;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlagUsageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Usage usage = FeatureFlagKind.KIND.usage().orElseThrow();

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static ObjectNode flag(String groups) {
    return json(
        "{'key': 'f', 'active': true, 'archived': false, 'filters': {'groups': " + groups + "}}");
  }

  @Test
  void theQuerySelectsKeyCallsAndPersonsForTheKeysAskedOverTheDaysAsked() {
    assertThat(usage.callsQuery(List.of("dark-mode", "it's"), 30))
        .isEqualTo(
            """
            SELECT properties.$feature_flag AS key, count() AS calls, count(DISTINCT person_id) AS persons
            FROM events
            WHERE event = '$feature_flag_called' AND timestamp > now() - INTERVAL 30 DAY
              AND properties.$feature_flag IN ('dark-mode', 'it\\'s')
            GROUP BY key
            LIMIT 2""");
  }

  @Test
  void deletingDisablingAndArchivingSwitchAFlagOffEnablingAndCreatingDoNot() {
    ObjectNode on = flag("[]");
    ObjectNode off = on.deepCopy().put("active", false);
    ObjectNode archived = off.deepCopy().put("archived", true);

    assertThat(usage.switchesOff(on, null)).isTrue();
    assertThat(usage.switchesOff(on, off)).isTrue();
    assertThat(usage.switchesOff(off, archived)).isTrue();
    assertThat(usage.switchesOff(off, on)).isFalse();
    assertThat(usage.switchesOff(null, on)).isFalse();
    assertThat(usage.switchesOff(on, on.deepCopy().put("name", "renamed"))).isFalse();
  }

  @Test
  void conditionsChangeByRolloutByPropertiesOrByBeingAddedOrRemoved() {
    String email =
        "{'type': 'person', 'key': 'email', 'operator': 'icontains', 'value': '@acme.com'}";
    ObjectNode before =
        flag("[{'properties': [], 'rollout_percentage': 10}, {'properties': [" + email + "]}]");
    ObjectNode after =
        flag(
            "[{'properties': [], 'rollout_percentage': 50}, {'properties': []},"
                + " {'properties': [], 'rollout_percentage': 5}]");

    assertThat(usage.changedConditions(before, after))
        .containsExactly(
            new ConditionChange(0, 10.0, 50.0, false, false),
            new ConditionChange(1, 100.0, 100.0, true, false),
            new ConditionChange(2, null, 5.0, true, false));
    assertThat(usage.changedConditions(after, before).get(2).removed()).isTrue();
    assertThat(usage.changedConditions(before, before)).isEmpty();
    assertThat(usage.changedConditions(before, null)).isEmpty();
    assertThat(usage.changedConditions(null, after)).allMatch(ConditionChange::added);
  }

  @Test
  void aConditionAggregatedByAGroupTypeCountsGroups() {
    ObjectNode before =
        flag("[{'properties': [], 'rollout_percentage': 10, 'aggregation_group_type_index': 0}]");
    ObjectNode after =
        flag("[{'properties': [], 'rollout_percentage': 20, 'aggregation_group_type_index': 0}]");

    assertThat(usage.changedConditions(before, after))
        .containsExactly(new ConditionChange(0, 10.0, 20.0, false, true));
  }

  @Test
  void theEstimateSendsOnlyTheConditionsPropertiesInOneKeyOrder() {
    ObjectNode live =
        flag(
            "[{'properties': [{'key': 'id', 'type': 'cohort', 'value': 1205, 'operator': 'in',"
                + " 'cohort_name': 'Beta testers'}], 'rollout_percentage': 50.0, 'variant': null,"
                + " 'aggregation_group_type_index': null}]");

    ApiRequest request = usage.reachRequest(live, 0);

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("feature_flags/user_blast_radius/");
    assertThat(request.body().toString())
        .isEqualTo(
            "{\"condition\":{\"properties\":[{\"type\":\"cohort\",\"key\":\"id\",\"operator\":\"in\","
                + "\"value\":1205}]},\"group_type_index\":null}");
  }

  @Test
  void aGroupConditionIsEstimatedForItsGroupTypeOrTheFlags() {
    ObjectNode own = flag("[{'properties': [], 'aggregation_group_type_index': 1}]");
    ObjectNode inherited = flag("[{'properties': []}]");
    ((ObjectNode) inherited.get("filters")).put("aggregation_group_type_index", 2);

    assertThat(usage.reachRequest(own, 0).body().get("group_type_index").asInt()).isEqualTo(1);
    assertThat(usage.reachRequest(inherited, 0).body().get("group_type_index").asInt())
        .isEqualTo(2);
  }

  @Test
  void conditionsOnObjectsThisPlanCreatesOrOnOtherFlagsAreNotEstimated() {
    ObjectNode pending =
        flag(
            "[{'properties': [{'type': 'cohort', 'key': 'id', 'value': {'$ref': 'Cohort/Pilot'}}]}]");
    ObjectNode dependent =
        flag("[{'properties': [{'type': 'flag', 'key': '4790', 'value': true}]}]");

    assertThat(usage.notEstimable(pending, 0)).contains("targets an object this plan creates");
    assertThat(usage.notEstimable(dependent, 0))
        .contains("depends on another flag, which PostHog does not estimate");
    assertThat(usage.notEstimable(flag("[{'properties': []}]"), 0)).isEmpty();
  }

  @Test
  void bothShapesOfTheEstimateAreRead() {
    assertThat(usage.reach(json("{'affected': 4400, 'total': 120000}")))
        .contains(new Reach(4400, 120000));
    assertThat(usage.reach(json("{'users_affected': 12, 'total_users': 50}")))
        .contains(new Reach(12, 50));
    assertThat(usage.reach(json("{'detail': 'no'}"))).isEmpty();
  }

  @Test
  void aFlagServingEveryoneIsFullyRolledOut() {
    assertThat(fullyRolledOut("{'groups': [{'properties': [], 'rollout_percentage': 100}]}"))
        .isTrue();
    assertThat(fullyRolledOut("{'groups': [{'properties': [], 'rollout_percentage': null}]}"))
        .isTrue();
    assertThat(fullyRolledOut("{'groups': [{'properties': [], 'rollout_percentage': 99}]}"))
        .isFalse();
    assertThat(
            fullyRolledOut(
                "{'groups': [{'properties': [{'type': 'person', 'key': 'plan', 'value': 'pro'}]}]}"))
        .isFalse();
    assertThat(fullyRolledOut("{'groups': []}")).isFalse();
  }

  @Test
  void aMultivariateFlagIsFullyRolledOutWithAVariantAtFullOrAnOverride() {
    String variants =
        "'multivariate': {'variants': [{'key': 'a', 'rollout_percentage': 50},"
            + " {'key': 'b', 'rollout_percentage': 50}]}";
    assertThat(fullyRolledOut("{'groups': [{'properties': []}], " + variants + "}")).isFalse();
    assertThat(fullyRolledOut("{'groups': [{'properties': [], 'variant': 'b'}], " + variants + "}"))
        .isTrue();
    assertThat(
            fullyRolledOut(
                "{'groups': [{'properties': []}], 'multivariate': {'variants':"
                    + " [{'key': 'a', 'rollout_percentage': 100}, {'key': 'b', 'rollout_percentage': 0}]}}"))
        .isTrue();
  }

  @Test
  void standingReadsPostHogsUsageFields() {
    ObjectNode raw =
        json(
            "{'active': true, 'archived': false, 'filters': {'groups': []},"
                + " 'last_called_at': '2026-05-10T11:02:17.551000Z',"
                + " 'created_at': '2025-04-18T13:00:00+00:00', 'updated_at': null}");

    Usage.Standing standing = usage.standing(raw);

    assertThat(standing.serving()).isTrue();
    assertThat(standing.lastCalledAt()).contains(Instant.parse("2026-05-10T11:02:17.551Z"));
    assertThat(standing.createdAt()).contains(Instant.parse("2025-04-18T13:00:00Z"));
    assertThat(standing.changedAt()).isEqualTo(Optional.empty());
    assertThat(usage.standing(raw.deepCopy().put("active", false)).serving()).isFalse();
    assertThat(usage.standing(raw.deepCopy().put("archived", true)).archived()).isTrue();
  }

  private static boolean fullyRolledOut(String filters) {
    JsonNode node = json(filters);
    return FlagUsage.fullyRolledOut(node);
  }
}
