package io.posthoggitops.apply;

import static io.posthoggitops.apply.ApplyRunTest.change;
import static io.posthoggitops.apply.ApplyRunTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyAnnotationTest {
  private static final Clock NOON =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static ApplyReport oneCreated() {
    var cohort =
        change(
            TestKinds.COHORT,
            "Pilot users",
            null,
            ChangeAction.CREATE,
            ApiRequest.post("cohorts/", json("{}")));
    return new ApplyReport(List.of(new Outcome(cohort, LiveId.of(5001))), null, List.of());
  }

  @Test
  void annotatesTheProjectWithTheShortCommitAndTheCounts() {
    FakePostHog api = new FakePostHog();

    ApplyAnnotation.addIfChanged(api, "3f9c2e1d0a", oneCreated(), NOON, new PrintWriter(err));

    assertThat(api.writes)
        .containsExactly(
            "POST annotations/ {\"content\":\"posthog-gitops apply 3f9c2e1: 1 created,"
                + " 0 updated, 0 deleted\",\"date_marker\":\"2026-11-28T12:00:00Z\",\"scope\":\"project\"}");
  }

  @Test
  void addsNoAnnotationWhenNothingChanged() {
    FakePostHog api = new FakePostHog();

    ApplyAnnotation.addIfChanged(
        api, "3f9c2e1", new ApplyReport(List.of(), null, List.of()), NOON, new PrintWriter(err));

    assertThat(api.writes).isEmpty();
  }

  @Test
  void onlyWarnsWhenTheAnnotationFails() {
    FakePostHog api =
        new FakePostHog().rejectWrite(1, "API key missing required scope 'annotation:write'", null);

    ApplyAnnotation.addIfChanged(
        api,
        null,
        oneCreated(),
        NOON,
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));

    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("warning: the apply succeeded, but adding its PostHog annotation failed:")
        .contains("annotation:write");
  }
}
