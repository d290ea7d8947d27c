package io.posthoggitops.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long dependency chain declared backwards plans every flag after the flag it depends on. Speed
 * is measured by {@code bench/run.sh}, not here.
 */
class PlannerScaleTest {

  @Test
  void aThousandChainedFlagsDeclaredBackwardsPlanInDependencyOrder() {
    int n = 1000;
    StringBuilder yaml = new StringBuilder();
    List<LiveObject> live = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      yaml.append(i == n - 1 ? "" : "---\n").append(PlannerTest.flagYaml("flag-" + i, 30));
      if (i > 0) {
        yaml.append("    - properties: [{type: flag, key: {flag: flag-")
            .append(i - 1)
            .append("}, operator: flag_evaluates_to, value: true}]\n");
      }
      if (i % 2 == 0) {
        live.add(PlannerTest.flag(10_000 + i, "flag-" + i, 20));
      }
    }
    List<Declaration> declarations = TestDeclarations.read("many.yaml", yaml.toString());
    PlanResult result = Plans.plan(declarations, TestLive.state(live.toArray(LiveObject[]::new)));

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add((i % 2 == 0 ? "~" : "+") + " FeatureFlag/flag-" + i);
    }
    assertThat(Plans.lines(result)).containsExactlyElementsOf(expected);
  }
}
