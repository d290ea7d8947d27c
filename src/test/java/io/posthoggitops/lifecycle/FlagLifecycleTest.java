package io.posthoggitops.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.impact.Calls;
import io.posthoggitops.impact.UsageCounts;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.SourceLocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagLifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Kind FLAG = Kinds.named("FeatureFlag").orElseThrow();
  private static final Kind EXPERIMENT = Kinds.named("Experiment").orElseThrow();
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static Declaration declared(Kind kind, String key, boolean tombstone) {
    return new Declaration(
        kind,
        key,
        null,
        tombstone,
        JSON.createObjectNode(),
        Set.of(),
        new SourceLocation("posthog/flags.yaml", 1, 1),
        Map.of());
  }

  private static LiveObject live(String key, String fields) {
    try {
      ObjectNode raw =
          (ObjectNode) JSON.readTree(("{'key': '" + key + "', " + fields + "}").replace('\'', '"'));
      return new LiveObject(FLAG, new LiveId(String.valueOf(key.hashCode() & 0xffff)), key, raw);
    } catch (Exception e) {
      throw new IllegalArgumentException(fields, e);
    }
  }

  private static final String OLD_PARTIAL =
      "'active': true, 'created_at': '2025-01-01T00:00:00Z', 'updated_at': '2025-01-01T00:00:00Z',"
          + " 'filters': {'groups': [{'properties': [], 'rollout_percentage': 20}]}";

  private static LifecycleReport report(
      List<Declaration> declarations,
      List<LiveObject> live,
      UsageCounts counts,
      CodeReferences code) {
    return FlagLifecycle.report(
        new FlagLifecycle.Inputs(declarations, live, counts, code, NOW, 30));
  }

  /** One source file that evaluates {@code key}. */
  private static CodeReferences calling(String key) {
    return new CodeReferences(
        "app",
        1,
        0,
        Set.of(key),
        List.of(new KeyInCode(key, "isFeatureEnabled", "app/a.ts", 1, 20)));
  }

  @Test
  void aFlagNewerThanThePeriodIsNotDeadYet() {
    LiveObject fresh =
        live(
            "dark-mode",
            "'active': true, 'created_at': '2026-05-27T00:00:00Z', 'filters': {'groups': []}");

    LifecycleReport report =
        report(
            List.of(declared(FLAG, "dark-mode", false)),
            List.of(fresh),
            new UsageCounts(Map.of(), true),
            null);

    assertThat(report.dead()).isEmpty();
    assertThat(report.foundAnything()).isFalse();
  }

  @Test
  void withoutCountsAFlagIsDeadWhenPostHogRecordedNoCallInThePeriod() {
    LiveObject quiet = live("quiet", OLD_PARTIAL + ", 'last_called_at': '2026-03-01T00:00:00Z'");
    LiveObject busy = live("busy", OLD_PARTIAL + ", 'last_called_at': '2026-05-31T00:00:00Z'");

    LifecycleReport report =
        report(
            List.of(declared(FLAG, "quiet", false), declared(FLAG, "busy", false)),
            List.of(quiet, busy),
            null,
            null);

    assertThat(report.dead()).extracting(DeclaredFlag::key).containsExactly("quiet");
  }

  @Test
  void aFullyRolledOutFlagChangedWithinThePeriodIsNotACandidateYet() {
    LiveObject justRolledOut =
        live(
            "checkout",
            "'active': true, 'created_at': '2025-01-01T00:00:00Z', 'updated_at': '2026-05-20T00:00:00Z',"
                + " 'filters': {'groups': [{'properties': [], 'rollout_percentage': 100}]}");

    LifecycleReport report =
        report(
            List.of(declared(FLAG, "checkout", false)),
            List.of(justRolledOut),
            new UsageCounts(Map.of("checkout", new Calls(900, 300)), true),
            null);

    assertThat(report.fullyRolledOut()).isEmpty();
  }

  @Test
  void anExperimentNamesItsFlagsKeySoCodeCallingItIsNoStray() {
    CodeReferences code = calling("checkout-button-color");

    LifecycleReport report =
        report(
            List.of(declared(EXPERIMENT, "checkout-button-color", false)), List.of(), null, code);

    assertThat(report.strays()).isEmpty();
  }

  @Test
  void aTombstonedFlagIsNotJudgedAndCodeStillCallingItIsReported() {
    LiveObject doomed = live("old-banner", OLD_PARTIAL);
    CodeReferences code = calling("old-banner");

    LifecycleReport report =
        report(List.of(declared(FLAG, "old-banner", true)), List.of(doomed), null, code);

    assertThat(report.declared()).isZero();
    assertThat(report.dead()).isEmpty();
    assertThat(report.strays())
        .singleElement()
        .satisfies(s -> assertThat(s.why()).isEqualTo(StrayKey.Why.DELETED_HERE));
  }
}
