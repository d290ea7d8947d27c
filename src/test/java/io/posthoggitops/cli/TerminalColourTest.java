package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the text view is coloured: a terminal, NO_COLOR with no value, TERM other than dumb. */
class TerminalColourTest {

  private static boolean wanted(Map<String, String> env, boolean terminal) {
    return TerminalColour.wanted(env::get, terminal);
  }

  @Test
  void aTerminalGetsColourUnlessNoColorHoldsAValue() {
    assertThat(wanted(Map.of(), true)).isTrue();
    assertThat(wanted(Map.of("NO_COLOR", ""), true)).isTrue();
    assertThat(wanted(Map.of("NO_COLOR", "1"), true)).isFalse();
  }

  @Test
  void aDumbTerminalOrNoTerminalGetsNone() {
    assertThat(wanted(Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(wanted(Map.of("TERM", "xterm-256color"), true)).isTrue();
    assertThat(wanted(Map.of(), false)).isFalse();
  }
}
