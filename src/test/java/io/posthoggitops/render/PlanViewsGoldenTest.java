package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.diff.ChangeDiffs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The views of hand-built plans against reviewed golden files in {@code src/test/resources/render}.
 * Run with {@code -Dgolden.update=true} to rewrite them after an intended change, then review.
 */
class PlanViewsGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/render");

  static void assertGolden(String name, String actual) {
    Path file = GOLDEN.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void textViewShowsEachChangeWithItsOriginAndDiff() {
    assertGolden(
        "illustrated.txt",
        PlanTextView.render(
            SamplePlans.illustrated(), ChangeDiffs.of(SamplePlans.illustrated()), false));
  }

  @Test
  void textViewOfNoChangesSaysSo() {
    assertGolden(
        "no-changes.txt",
        PlanTextView.render(SamplePlans.empty(), ChangeDiffs.of(SamplePlans.empty()), false));
  }

  @Test
  void markdownViewShowsMarkerSummaryTableAndOneDetailsBlockPerChange() {
    assertGolden(
        "illustrated.md",
        PlanMarkdownView.render(
            SamplePlans.illustrated(), ChangeDiffs.of(SamplePlans.illustrated())));
  }

  @Test
  void jsonViewIsTheSavedPlanDocument() {
    assertGolden(
        "illustrated.json",
        PlanJsonView.render(SamplePlans.illustrated(), ChangeDiffs.of(SamplePlans.illustrated())));
  }
}
