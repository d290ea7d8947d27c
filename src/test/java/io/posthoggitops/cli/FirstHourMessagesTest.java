package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.apply.FakePostHogServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets in the first hour, through the real CLI against a loopback PostHog: each
 * mistake gets a message that says what to do next, and nothing is sent that cannot succeed.
 */
class FirstHourMessagesTest {
  private static final Map<String, String> ENV = Map.of("MATON_API_KEY", "test-key-first-hour");

  @TempDir Path dir;
  private FakePostHogServer posthog;
  private String flags;

  @BeforeEach
  void project() throws IOException {
    posthog = new FakePostHogServer();
    Path folder = Files.createDirectories(dir.resolve("flags"));
    Files.writeString(
        folder.resolve("checkout.yaml"),
        """
        kind: FeatureFlag
        key: new-checkout
        filters:
          groups:
            - rollout_percentage: 25
        """);
    flags = folder.toString();
  }

  @AfterEach
  void stop() {
    posthog.close();
  }

  private InProcessCli.Result live(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--api-url";
    all[1] = posthog.url();
    System.arraycopy(args, 0, all, 2, args.length);
    return InProcessCli.run(ENV, all);
  }

  @Test
  void aMistypedCommandOrOptionGetsDidYouMean() {
    InProcessCli.Result command = InProcessCli.run(ENV, "plna");
    InProcessCli.Result option = InProcessCli.run(ENV, "plan", "--detailed-exit-code");

    assertThat(command.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).startsWith("error: unknown command 'plna'; did you mean `plan`?");
    assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(option.stderr())
        .startsWith(
            "error: Unknown option: '--detailed-exit-code'; did you mean `--detailed-exitcode`?");
  }

  @Test
  void aProjectThatIsNotAnIdIsAUsageErrorBeforeAnyRequest() {
    InProcessCli.Result run = live("plan", flags, "--project", "abc");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "error: --project 'abc' is not a project id; nothing was requested. Give the numeric id"
                + " (PostHog shows it in the project settings and in its URLs, /project/ID), or"
                + " @current for the key's current project.\n");
    assertThat(posthog.requests()).isEmpty();
  }

  @Test
  void aSecondApplyOfASavedPlanSaysItIsAlreadyAppliedAndWritesNothing() {
    String plan = dir.resolve("plan.json").toString();
    assertThat(live("plan", flags, "--out", plan).exitCode()).isZero();
    InProcessCli.Result first = live("apply", "--plan", plan, "--approve");
    assertThat(first.exitCode()).as(first.output()).isZero();
    int writes = posthog.writes().size();

    InProcessCli.Result again = live("apply", "--plan", plan, "--approve");

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.stdout())
        .matches(
            "The saved plan sha256:[0-9a-f]{16} \\(1 change\\) is already applied: PostHog already"
                + " holds its result; nothing was written.\n");
    assertThat(again.output()).doesNotContain("changed since");
    assertThat(posthog.writes()).hasSize(writes);
  }

  @Test
  void aSavedPlanNamedLikeYamlIsNeverToldToBeOverwritten() {
    String yaml = dir.resolve("flags/rollout.yaml").toString();

    InProcessCli.Result run = live("apply", "--plan", yaml);

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.stderr())
        .doesNotContain("--out " + yaml)
        .contains("does not exist; --plan takes the JSON file plan --out wrote")
        .contains("give them as PATH: posthog-gitops apply " + yaml);
  }

  @Test
  void aSavedPlanGivenAsSnapshotIsNamedForWhatItIs() {
    String plan = dir.resolve("plan.json").toString();
    assertThat(live("plan", flags, "--out", plan).exitCode()).isZero();

    InProcessCli.Result run = InProcessCli.run(ENV, "plan", flags, "--snapshot", plan);

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.stderr())
        .isEqualTo(
            "error: "
                + plan
                + ": this is a saved plan (written by plan --out), not a snapshot; apply it with"
                + " posthog-gitops apply --plan "
                + plan
                + ", or write a snapshot with posthog-gitops export --snapshot-out NEW-FILE.\n");
  }

  @Test
  void helpNeverCutsASentenceOrAUrl() {
    String top = InProcessCli.run(ENV, "--help").stdout();
    Matcher commands = Pattern.compile("(?s)Commands:\n(.*?)\n\n").matcher(top);
    assertThat(commands.find()).as(top).isTrue();

    for (String entry : commands.group(1).split("\n(?=  \\S)")) {
      assertThat(entry.replaceAll("\\s+", " ").strip()).as(entry).endsWith(".");
    }
    for (String command : List.of("plan", "apply", "export", "validate")) {
      String help = InProcessCli.run(ENV, command, "--help").stdout();
      assertThat(help).as(command).contains("https://api.maton.ai/posthog.");
    }
  }

  @Test
  void countsOfOneAreSingular() throws IOException {
    posthog.add(
        "feature_flags",
        "{\"id\":4821,\"key\":\"old-banner\",\"name\":\"\",\"active\":true,"
            + "\"filters\":{\"groups\":[{\"properties\":[],\"rollout_percentage\":50}]}}");
    Path out = dir.resolve("posthog");
    Files.createDirectories(out.resolve("cohorts"));
    Files.writeString(out.resolve("cohorts/gone.yaml"), "kind: Cohort\nname: Gone\n");

    InProcessCli.Result export =
        live("export", "--out", out.toString(), "--snapshot-out", dir.resolve("s.json").toString());
    InProcessCli.Result plan = live("plan", flags);

    assertThat(export.stderr())
        .contains("(1 object).")
        .contains("warning: 1 file under " + out + " was not written by this export");
    assertThat(plan.stdout()).contains("Unmanaged: 1 live object not declared here (left alone).");
  }
}
