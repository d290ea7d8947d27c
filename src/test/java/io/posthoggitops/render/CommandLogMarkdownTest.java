package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommandLogMarkdownTest {

  @Test
  void aLogWithBackticksGetsALongerFence() {
    String body = CommandLogMarkdown.render("plan failed", "a.yaml:1:1: use ```yaml```", null);

    assertThat(body).isEqualTo("**plan failed**\n\n````text\na.yaml:1:1: use ```yaml```\n````\n");
  }

  @Test
  void aLongLogKeepsItsFirstAndLastLinesWithinTheCommentLimit() {
    String log =
        IntStream.rangeClosed(1, 20_000)
            .mapToObj(i -> "posthog/flag-" + i + ".yaml:1:1: problem")
            .collect(Collectors.joining("\n"));

    String body = CommandLogMarkdown.render("apply failed", log, "https://github.example/run/1");

    assertThat(body.length()).isLessThanOrEqualTo(PlanMarkdownView.MAX_CHARS);
    assertThat(body)
        .contains("posthog/flag-1.yaml:1:1: problem\n")
        .contains("posthog/flag-20000.yaml:1:1: problem\n")
        .containsPattern("\n… \\d+ lines left out here; the workflow run's log has them all …\n")
        .endsWith("```\n\n[Workflow run](https://github.example/run/1)\n");
  }

  @Test
  void titlesCannotOpenHtml() {
    assertThat(CommandLogMarkdown.render("<b>x</b>", "", null))
        .isEqualTo("**&lt;b&gt;x&lt;/b&gt;**\n\n(no output)\n");
  }
}
