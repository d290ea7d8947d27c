package io.posthoggitops.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A large project plans in seconds, referenced flags first whatever the declaration order. */
class PlannerScaleTest {

  @Test
  void aThousandChainedFlagsDeclaredBackwardsPlanQuicklyInDependencyOrder() {
    int n = 1000;
    StringBuilder yaml = new StringBuilder();
    List<LiveObject> live = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      yaml.append(i == n - 1 ? "" : "---\n").append(PlannerTest.flagYaml("flag-" + i, 30));
      if (i > 0) {
        yaml.append("    - properties: [{type: flag, key: {flag: flag-").append(i - 1)
            .append("}, operator: flag_evaluates_to, value: true}]\n");
      }
      if (i % 2 == 0) {
        live.add(PlannerTest.flag(10_000 + i, "flag-" + i, 20));
      }
    }
    List<Declaration> declarations = TestDeclarations.read("many.yaml", yaml.toString());
    long start = System.nanoTime();
    PlanResult result = Plans.plan(declarations, TestLive.state(live.toArray(LiveObject[]::new)));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result.plan().changes()).hasSize(n);
    assertThat(Plans.lines(result).get(0)).isEqualTo("~ FeatureFlag/flag-0");
    assertThat(Plans.lines(result).get(n - 1)).isEqualTo("+ FeatureFlag/flag-" + (n - 1));
    System.out.printf("planned %d flags in %d ms%n", n, millis);
    assertThat(millis).as("a cubic blow-up would take minutes").isLessThan(60_000);
  }
}
