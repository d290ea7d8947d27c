package io.posthoggitops.plan;

import static io.posthoggitops.plan.PlannerTest.flag;
import static io.posthoggitops.plan.PlannerTest.flagYaml;
import static io.posthoggitops.plan.PlannerTest.yaml;
import static io.posthoggitops.plan.TestLive.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.model.LiveObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys that other PostHog products write into a flag's filters (an experiment's holdout, legacy
 * super groups) are compared only where declared, and a whole-filters PATCH carries their live
 * value back instead of erasing them.
 */
class ForeignKeysTest {

  private static LiveObject flagWithHoldout() {
    LiveObject flag = flag(7, "banner", 10);
    ObjectNode filters = (ObjectNode) flag.raw().get("filters");
    filters.putObject("holdout").put("id", 31).put("exclusion_percentage", 10);
    filters.putArray("super_groups").addObject().put("rollout_percentage", 100);
    return flag;
  }

  private static PlanResult plan(String yaml) {
    return Planner.plan(
        Plans.input(
            yaml(yaml), state(flagWithHoldout()), List.of(), null, false, List.of(), List.of()));
  }

  @Test
  void undeclaredForeignKeysAreNotADifference() {
    assertThat(plan(flagYaml("banner", 10)).plan().hasChanges()).isFalse();
  }

  @Test
  void aRolloutChangeSendsTheLiveForeignKeysBackWithTheFilters() {
    List<ApiRequest> requests = plan(flagYaml("banner", 25)).plan().changes().get(0).requests();

    assertThat(requests).hasSize(1);
    ObjectNode filters = (ObjectNode) requests.get(0).body().get("filters");
    assertThat(filters.at("/groups/0/rollout_percentage").asInt()).isEqualTo(25);
    assertThat(filters.at("/holdout/id").asInt()).isEqualTo(31);
    assertThat(filters.at("/super_groups/0/rollout_percentage").asInt()).isEqualTo(100);
  }

  @Test
  void aDeclaredForeignKeyIsComparedAndWritten() {
    String declared = flagYaml("banner", 10) + "  holdout: {id: 31, exclusion_percentage: 20}\n";

    List<ApiRequest> requests = plan(declared).plan().changes().get(0).requests();

    assertThat(requests.get(0).body().at("/filters/holdout/exclusion_percentage").asInt())
        .isEqualTo(20);
  }
}
