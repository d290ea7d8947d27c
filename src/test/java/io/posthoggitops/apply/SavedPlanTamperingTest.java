package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.cli.InProcessCli;
import io.posthoggitops.planfile.PlanFileEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A saved plan runs only what it shows: {@code plan --out}, the file edited as an attacker would,
 * then {@code apply --plan --approve} through the real CLI against a loopback PostHog. Every edit
 * is refused with exit 1 before a single write, with the digest left as it was and with the digest
 * recomputed over the edit.
 */
class SavedPlanTamperingTest {
  private static final Map<String, String> ENV = Map.of("MATON_API_KEY", "test-key-7f3a");

  @TempDir Path dir;
  @RegisterExtension final FakePostHogServer posthog = FakePostHogServer.perTest();

  @BeforeEach
  void project() throws IOException {
    posthog.add(
        "feature_flags",
        "{\"id\":4821,\"key\":\"new-checkout\",\"name\":\"\",\"active\":true,"
            + "\"filters\":{\"groups\":[{\"properties\":[],\"rollout_percentage\":50}]}}");
    posthog.add(
        "feature_flags",
        "{\"id\":4822,\"key\":\"kill-switch\",\"name\":\"\",\"active\":true,"
            + "\"filters\":{\"groups\":[{\"properties\":[],\"rollout_percentage\":100}]}}");
    write(
        "cohorts.yaml",
        """
        kind: Cohort
        name: Early adopters
        description: Signed up in the first wave
        filters:
          properties: {type: AND, values: [{type: person, key: signup_wave, value: [1]}]}
        """);
    write(
        "flags.yaml",
        """
        kind: FeatureFlag
        key: pilot-banner
        filters:
          groups:
            - properties:
                - {type: cohort, key: id, value: {cohort: Early adopters}}
              rollout_percentage: 100
        ---
        kind: FeatureFlag
        key: new-checkout
        filters:
          groups:
            - rollout_percentage: 75
        ---
        kind: FeatureFlag
        key: kill-switch
        filters:
          groups:
            - rollout_percentage: 100
        """);
  }

  private void write(String name, String text) throws IOException {
    Files.createDirectories(dir.resolve("decl"));
    Files.writeString(dir.resolve("decl").resolve(name), text);
  }

  private InProcessCli.Result cli(String... args) {
    return posthog.cli(ENV, args);
  }

  private ObjectNode savedPlan() throws IOException {
    InProcessCli.Result plan = cli("plan", dir.resolve("decl").toString(), "--out", planPath());
    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(0);
    return PlanFileEdits.parse(Files.readString(dir.resolve("plan.json")));
  }

  private String planPath() {
    return dir.resolve("plan.json").toString();
  }

  /** The change of a resource in the saved plan. */
  private static ObjectNode change(ObjectNode plan, String identity) {
    for (var change : plan.withArray("changes")) {
      if (change.path("identity").asText().equals(identity)) {
        return (ObjectNode) change;
      }
    }
    throw new AssertionError("no change of " + identity + " in " + plan);
  }

  private static ObjectNode request(ObjectNode plan, String identity, int n) {
    return (ObjectNode) change(plan, identity).withArray("requests").get(n);
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        edit(
            "a request's path pointed at another object",
            p -> request(p, "new-checkout", 0).put("path", "feature_flags/4822/")),
        edit(
            "a request appended",
            p ->
                change(p, "new-checkout")
                    .withArray("requests")
                    .addObject()
                    .put("method", "PATCH")
                    .put("path", "feature_flags/4822/")
                    .putObject("body")
                    .put("active", false)),
        edit(
            "a body replaced",
            p ->
                request(p, "new-checkout", 0)
                    .withObject("body")
                    .withObject("/filters/groups/0")
                    .put("rollout_percentage", 100)),
        edit(
            "a POST to another endpoint of the project",
            p -> request(p, "Early adopters", 0).put("path", "annotations/")),
        edit("a request removed", p -> change(p, "new-checkout").withArray("requests").removeAll()),
        edit(
            "an after rewritten under its diff",
            p ->
                change(p, "new-checkout")
                    .withObject("after")
                    .withObject("/filters/groups/0")
                    .put("rollout_percentage", 100)),
        edit(
            "a create turned into an update of a live object",
            p -> change(p, "pilot-banner").put("action", "update").put("live_id", 4822)),
        edit(
            "a change listed under another identity",
            p -> change(p, "new-checkout").put("identity", "kill-switch")));
  }

  private static Arguments edit(String name, Consumer<ObjectNode> edit) {
    return Arguments.of(name, edit);
  }

  @ParameterizedTest(name = "{0}, digest kept")
  @MethodSource("edits")
  void anEditedPlanIsRefusedByItsDigest(String name, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode plan = savedPlan();
    edit.accept(plan);
    Files.writeString(dir.resolve("plan.json"), PlanFileEdits.text(plan));

    InProcessCli.Result apply = cli("apply", "--plan", planPath(), "--approve");

    assertThat(apply.exitCode()).as(apply.output()).isEqualTo(1);
    assertThat(apply.stderr())
        .contains("was changed after it was made")
        .contains("nothing was written");
    assertThat(posthog.writes()).isEmpty();
  }

  @ParameterizedTest(name = "{0}, digest recomputed")
  @MethodSource("edits")
  void anEditedPlanWithAMatchingDigestIsRefusedByItsRequests(String name, Consumer<ObjectNode> edit)
      throws IOException {
    ObjectNode plan = savedPlan();
    edit.accept(plan);
    Files.writeString(dir.resolve("plan.json"), PlanFileEdits.withRecomputedDigest(plan));

    InProcessCli.Result apply = cli("apply", "--plan", planPath(), "--approve");

    assertThat(apply.exitCode()).as(apply.output()).isIn(1, 4);
    assertThat(apply.stderr()).contains("nothing was written");
    assertThat(posthog.writes()).isEmpty();
  }

  @Test
  void theReviewedPlanRunsAndApplyNamesTheDigestThePlanShowed() throws IOException {
    InProcessCli.Result plan = cli("plan", dir.resolve("decl").toString(), "--out", planPath());
    Matcher shown = Pattern.compile("Digest: (sha256:[0-9a-f]{16})").matcher(plan.stdout());
    assertThat(shown.find()).as(plan.stdout()).isTrue();
    ObjectNode saved = PlanFileEdits.parse(Files.readString(dir.resolve("plan.json")));
    assertThat(saved.path("digest").asText()).startsWith(shown.group(1)).hasSize(71);

    // The diff text is display only: an edited one is never what apply shows.
    change(saved, "new-checkout").put("diff", "- rollout_percentage: 75\n+ rollout_percentage: 5");
    Files.writeString(dir.resolve("plan.json"), PlanFileEdits.text(saved));
    InProcessCli.Result apply = cli("apply", "--plan", planPath(), "--approve");

    assertThat(apply.exitCode()).as(apply.output()).isEqualTo(0);
    assertThat(apply.stdout())
        .contains("Applying the saved plan " + shown.group(1) + ".")
        .doesNotContain("rollout_percentage: 5");
    assertThat(posthog.writes()).hasSize(3);
    InProcessCli.Result again = cli("plan", dir.resolve("decl").toString());
    assertThat(again.stdout()).contains("No changes.");
  }

  /**
   * Every request of every kind's create in the bundled examples (tiles, experiment flags, action
   * steps) planned against an empty project, edited one at a time with the digest recomputed: each
   * edit is refused with nothing written.
   */
  @Test
  void everyRequestOfEveryKindIsCheckedAgainstItsChange() throws IOException {
    try (FakePostHogServer empty = new FakePostHogServer()) {
      String plan = dir.resolve("examples-plan.json").toString();
      InProcessCli.Result made =
          InProcessCli.run(
              ENV,
              "--api-url",
              empty.url(),
              "plan",
              Path.of("examples/flags").toString(),
              "--out",
              plan);
      assertThat(made.exitCode()).as(made.output()).isZero();
      ObjectNode saved = PlanFileEdits.parse(Files.readString(Path.of(plan)));
      int edits = 0;
      for (int c = 0; c < saved.withArray("changes").size(); c++) {
        ArrayNode requests = (ArrayNode) saved.withArray("changes").get(c).get("requests");
        for (int r = 0; r < requests.size(); r++) {
          ObjectNode edited = saved.deepCopy();
          ObjectNode request =
              (ObjectNode) edited.withArray("changes").get(c).withArray("requests").get(r);
          if (request.path("body").isObject()) {
            ((ObjectNode) request.get("body")).put("deleted", true);
          } else {
            request.put("path", "feature_flags/1/");
          }
          Files.writeString(Path.of(plan), PlanFileEdits.withRecomputedDigest(edited));

          InProcessCli.Result apply = empty.cli(ENV, "apply", "--plan", plan, "--approve");

          String which = edited.withArray("changes").get(c).path("identity") + " request " + r;
          assertThat(apply.exitCode()).as(which + ": " + apply.output()).isEqualTo(1);
          assertThat(apply.stderr()).as(which).contains("nothing was written");
          assertThat(empty.writes()).as(which).isEmpty();
          edits++;
        }
      }
      assertThat(edits).isGreaterThan(saved.withArray("changes").size());
    }
  }
}
