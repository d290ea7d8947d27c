package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.cli.InProcessCli;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An object PostHog lists with an id that is not a positive integer is never planned from. */
class LiveIdsTest {

  @ParameterizedTest(name = "id {0}")
  @ValueSource(strings = {"0", "-4821", "4821.5", "\"4821\"", "null"})
  void aLiveIdThatIsNotAPositiveIntegerIsAnErrorNamingTheObject(String id) throws IOException {
    try (FakePostHogServer posthog = new FakePostHogServer()) {
      posthog.add(
          "feature_flags",
          "{\"id\":" + id + ",\"key\":\"new-checkout-flow\",\"filters\":{\"groups\":[]}}");

      InProcessCli.Result result =
          InProcessCli.run(
              Map.of("MATON_API_KEY", "test-key-3b9"),
              "plan",
              "examples/flags",
              "--api-url",
              posthog.url());

      assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
      assertThat(result.stderr())
          .contains(
              "a list item's 'id' is "
                  + id
                  + " (the one named \"new-checkout-flow\"), not a"
                  + " positive integer; nothing was planned from it");
      assertThat(posthog.writes()).isEmpty();
    }
  }
}
