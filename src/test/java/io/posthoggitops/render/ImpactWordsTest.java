package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.impact.Calls;
import io.posthoggitops.impact.ChangeImpact;
import io.posthoggitops.impact.ConditionImpact;
import io.posthoggitops.kind.Usage.ConditionChange;
import io.posthoggitops.kind.Usage.Reach;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpactWordsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "0, 0",
    "999, 999",
    "1000, 1k",
    "1049, 1k",
    "1050, 1.1k",
    "1234, 1.2k",
    "9949, 9.9k",
    "9950, 10k",
    "12345, 12k",
    "48210, 48k",
    "999499, 999k",
    "999500, 1M",
    "1234567, 1.2M",
    "12500000, 13M",
    "1250000000, 1.3B"
  })
  void compactNumbersKeepTwoSignificantDigitsUnderTenOfAUnit(long n, String written) {
    assertThat(CompactNumbers.compact(n)).isEqualTo(written);
  }

  @Test
  void safetyWarningsCountExactly() {
    assertThat(CompactNumbers.exact(12345)).isEqualTo("12,345");
    assertThat(ImpactWords.stillCalled(new Calls(12345, 4102), 7))
        .isEqualTo("still called 12,345 times in 7 days (by 4.1k people)");
  }

  @Test
  void usageSaysHowOftenAndByHowMany() {
    assertThat(ImpactWords.usage(new Calls(1_234_567, 48_210), 7))
        .isEqualTo("called 1.2M times by 48k people in 7 days");
    assertThat(ImpactWords.usage(new Calls(1, 1), 7))
        .isEqualTo("called once by 1 person in 7 days");
    assertThat(ImpactWords.usage(Calls.NONE, 7)).isEqualTo("not called in 7 days");
  }

  @Test
  void aRolloutChangeAppliesTheRolloutToWhomThePropertiesMatch() {
    ConditionImpact raised =
        estimated(new ConditionChange(1, 10.0, 50.0, false, false), 40_000, 40_000);

    assertThat(ImpactWords.condition(raised))
        .isEqualTo("groups[1]: rollout 10 → 50 %: about 16k more people (4k → 20k)");
  }

  @Test
  void eachKindOfConditionChangeHasItsWords() {
    assertThat(
            ImpactWords.condition(
                estimated(new ConditionChange(0, 100.0, 100.0, true, false), 12_000, 8_900)))
        .isEqualTo("groups[0]: properties changed: about 3.1k fewer people (12k → 8.9k)");
    assertThat(
            ImpactWords.condition(
                estimated(new ConditionChange(2, null, 25.0, true, true), 0, 800)))
        .isEqualTo("groups[2] added: about 200 groups");
    assertThat(
            ImpactWords.condition(
                estimated(new ConditionChange(2, 100.0, null, true, false), 800, 0)))
        .isEqualTo("groups[2] removed: about 800 fewer people");
    assertThat(
            ImpactWords.condition(
                estimated(new ConditionChange(0, 50.0, 50.0, true, false), 2_000, 2_000)))
        .isEqualTo("groups[0]: properties changed: about the same people (1k)");
    assertThat(
            ImpactWords.condition(
                estimated(new ConditionChange(0, 100.0, 100.0, true, false), 10_000, 10_400)))
        .isEqualTo("groups[0]: properties changed: about 400 more people (10,000 → 10,400)");
  }

  @Test
  void aConditionNotEstimatedSaysWhy() {
    ConditionImpact capped =
        new ConditionImpact(
            new ConditionChange(0, 10.0, 20.0, false, false),
            null,
            null,
            "over the 20 estimates a run");

    assertThat(ImpactWords.condition(capped))
        .isEqualTo("groups[0]: rollout 10 → 20 %: not estimated (over the 20 estimates a run)");
  }

  @Test
  void theLinesUnderAChangeLeadWithTheWarningWhenAFlagStillCalledIsSwitchedOff() {
    ChangeImpact deleted = new ChangeImpact(new Calls(12_345, 4_102), true, List.of());
    ChangeImpact raised =
        new ChangeImpact(
            new Calls(1_234_567, 48_210),
            false,
            List.of(estimated(new ConditionChange(1, 10.0, 50.0, false, false), 40_000, 40_000)));

    assertThat(ImpactWords.textLine(deleted, 7))
        .isEqualTo("⚠ still called 12,345 times in 7 days (by 4.1k people)");
    assertThat(ImpactWords.markdownLine(deleted, 7))
        .isEqualTo("⚠️ **still called 12,345 times in 7 days (by 4.1k people)**");
    assertThat(ImpactWords.textLine(raised, 7))
        .isEqualTo(
            "impact: called 1.2M times by 48k people in 7 days;"
                + " groups[1]: rollout 10 → 50 %: about 16k more people (4k → 20k)");
    assertThat(ImpactWords.cell(raised)).isEqualTo("1.2M calls, 48k people · +16k people");
    assertThat(ImpactWords.cell(deleted)).isEqualTo("⚠️ still called 12,345 times");
  }

  @Test
  void aSwitchedOffFlagNoLongerCalledIsNoWarning() {
    ChangeImpact deleted = new ChangeImpact(Calls.NONE, true, List.of());

    assertThat(ImpactWords.textLine(deleted, 7)).isEqualTo("impact: not called in 7 days");
  }

  private static ConditionImpact estimated(
      ConditionChange change, long affectedBefore, long affectedAfter) {
    return new ConditionImpact(
        change,
        change.added() ? null : new Reach(affectedBefore, 120_000),
        change.removed() ? null : new Reach(affectedAfter, 120_000),
        null);
  }
}
