package io.posthoggitops.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.lifecycle.CodeLiterals.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeLiteralsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "if (posthog.isFeatureEnabled('dark-mode')) {}",
        "const v = posthog.getFeatureFlag(\"dark-mode\")",
        "const on = useFeatureFlagEnabled(`dark-mode`)",
        "const p = useFeatureFlagPayload('dark-mode')",
        "if posthog.feature_enabled(\"dark-mode\", user.distinct_id):",
        "posthog.is_feature_enabled 'dark-mode', user.id",
        "var on = await posthog.IsFeatureEnabledAsync(\"dark-mode\", userId);",
        "<PostHogFeature flag=\"dark-mode\" match={true}>",
        "<PostHogFeature match={true} flag={'dark-mode'}>",
        "client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: \"dark-mode\", DistinctId: id})"
      })
  void aKeyPassedToAFlagCallIsFoundInEachSdksSpelling(String line) {
    assertThat(CodeLiterals.in(line).calls()).extracting(Call::key).containsExactly("dark-mode");
  }

  @Test
  void everyKeyLikeLiteralCountsAsAReferenceButOnlyCallsAreReportedAsKeys() {
    CodeLiterals.Found found =
        CodeLiterals.in(
            "export const DARK = 'dark-mode'\nlog(\"saved to disk\")\nconst flag = getFlag('beta')");

    assertThat(found.literals()).containsExactly("dark-mode", "beta");
    assertThat(found.calls()).isEmpty();
  }

  @Test
  void aCallSaysWhereTheKeyStarts() {
    CodeLiterals.Found found =
        CodeLiterals.in(
            "// checkout\nfunction f() {\n  return posthog.isFeatureEnabled('one-page')\n}");

    assertThat(found.calls()).containsExactly(new Call("one-page", "isFeatureEnabled", 3, 36));
  }

  @Test
  void aKeyHeldInAVariableIsNoCallToReport() {
    assertThat(CodeLiterals.in("posthog.isFeatureEnabled(FLAGS.darkMode)").calls()).isEmpty();
  }
}
