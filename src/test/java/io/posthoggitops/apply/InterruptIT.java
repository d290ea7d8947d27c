package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGINT or SIGTERM to the built jar while a create is in flight: the create finishes and is
 * reported as created, nothing after it is sent, and the exit code is 128 + the signal's number.
 */
class InterruptIT {
  private static final Path JAR = Path.of("target/posthog-gitops.jar");

  @TempDir Path dir;
  private FakePostHogServer posthog;

  @BeforeEach
  void start() throws IOException {
    posthog = new FakePostHogServer();
    Files.writeString(
        dir.resolve("rollout.yaml"),
        """
        kind: Cohort
        name: Early rollout
        filters:
          properties: {type: AND, values: [{type: person, key: wave, value: [early]}]}
        ---
        kind: FeatureFlag
        key: early-rollout
        filters:
          groups:
            - properties: [{type: cohort, key: id, value: {cohort: Early rollout}}]
              rollout_percentage: 100
        """);
  }

  @AfterEach
  void stop() {
    posthog.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalDuringACreateLetsItFinishAndStopsTheApply(String signal, int exit) throws Exception {
    CountDownLatch postArrived = new CountDownLatch(1);
    CountDownLatch signalled = new CountDownLatch(1);
    posthog.beforeAnswer(
        line -> {
          if (line.equals("POST /api/projects/4242/cohorts/")) {
            postArrived.countDown();
            try {
              signalled.await(20, TimeUnit.SECONDS);
              Thread.sleep(500); // the handler runs on its own thread; let it note the signal
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "apply",
                    dir.toString(),
                    "--approve",
                    "--api-url",
                    posthog.url()))
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().put("MATON_API_KEY", "test-key-interrupt");
    Process apply = builder.start();

    assertThat(postArrived.await(60, TimeUnit.SECONDS)).as(read("err.txt")).isTrue();
    new ProcessBuilder("kill", "-" + signal, Long.toString(apply.pid())).start().waitFor();
    signalled.countDown();
    assertThat(apply.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String out = read("out.txt");
    String err = read("err.txt");
    assertThat(apply.exitValue()).as(out + err).isEqualTo(exit);
    assertThat(out)
        .contains("+ created Cohort \"Early rollout\"")
        .contains("Apply stopped by SIG" + signal + ": 1 created, 0 updated, 0 deleted before it.")
        .contains("Not attempted (1):\n  + create FeatureFlag \"early-rollout\"");
    assertThat(err)
        .contains("SIG" + signal + ": stopping after the write in flight")
        .doesNotContain("Exception");
    assertThat(posthog.writes()).hasSize(1);
    assertThat(posthog.all("cohorts")).hasSize(1);
  }

  private String read(String name) throws IOException {
    Path file = dir.resolve(name);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
