package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.cli.InProcessCli;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One folder, two projects (docs/format/environments.md): staging and production each a PostHog on
 * loopback, named in the config file in that order, driven through the real CLI.
 */
class EnvironmentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ENV = Map.of("MATON_API_KEY", "test-key-9e1d");

  private static final String DECLARATIONS =
      """
      kind: FeatureFlag
      key: new-checkout
      filters:
        groups: [{rollout_percentage: 100}]
      environments:
        production:
          filters:
            groups: [{rollout_percentage: 10}]
      ---
      kind: FeatureFlag
      key: debug-panel
      filters:
        groups: [{rollout_percentage: 100}]
      only: [staging]
      """;

  @TempDir Path dir;
  private FakePostHogServer staging;
  private FakePostHogServer production;
  private Path config;
  private Path flags;
  private final List<String> writeOrder = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    staging = new FakePostHogServer(4242, "Acme Staging");
    production = new FakePostHogServer(4343, "Acme Production");
    staging.beforeAnswer(line -> recordWrite("staging", line));
    production.beforeAnswer(line -> recordWrite("production", line));
    config = dir.resolve("posthog-gitops.yaml");
    Files.writeString(
        config,
        """
        environments:
          staging: {api_url: "%s", project: 4242}
          production: {api_url: "%s", project: 4343}
        """
            .formatted(staging.url(), production.url()));
    flags = dir.resolve("flags");
    Files.createDirectories(flags);
    Files.writeString(flags.resolve("flags.yaml"), DECLARATIONS);
  }

  @AfterEach
  void stop() {
    staging.close();
    production.close();
  }

  private void recordWrite(String environment, String line) {
    if (!line.startsWith("GET ")) {
      writeOrder.add(environment);
    }
  }

  private InProcessCli.Result cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config.toString()));
    return InProcessCli.run(ENV, all.toArray(String[]::new));
  }

  private static List<String> flagKeys(FakePostHogServer posthog) {
    return posthog.all("feature_flags").stream().map(f -> f.path("key").asText()).toList();
  }

  private static ObjectNode flag(FakePostHogServer posthog, String key) {
    return posthog.all("feature_flags").stream()
        .filter(f -> f.path("key").asText().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anOverrideChangesOnlyItsEnvironmentAndOnlyLimitsWhereAFlagExists() {
    InProcessCli.Result apply = cli("apply", flags.toString(), "--all-envs", "--approve");

    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(flagKeys(staging)).containsExactlyInAnyOrder("new-checkout", "debug-panel");
    assertThat(flagKeys(production)).containsExactly("new-checkout");
    assertThat(flag(staging, "new-checkout").at("/filters/groups/0/rollout_percentage").asInt())
        .isEqualTo(100);
    assertThat(flag(production, "new-checkout").at("/filters/groups/0/rollout_percentage").asInt())
        .isEqualTo(10);
    assertThat(cli("plan", flags.toString(), "--all-envs").stdout())
        .endsWith("Total over 2 environments: no changes.\n");
  }

  @Test
  void planAllEnvsShowsOneSectionPerEnvironmentThenTheTotal() {
    InProcessCli.Result plan = cli("plan", flags.toString(), "--all-envs", "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
    String out = plan.stdout();
    assertThat(out)
        .containsSubsequence(
            "=== Environment staging · project 4242 (Acme Staging) ===",
            "+ FeatureFlag \"new-checkout\"",
            "+ FeatureFlag \"debug-panel\"",
            "Plan: 2 to create, 0 to update, 0 to delete.",
            "=== Environment production · project 4343 (Acme Production) ===",
            "+ FeatureFlag \"new-checkout\"",
            "+       rollout_percentage: 10",
            "Plan: 1 to create, 0 to update, 0 to delete.",
            "Total over 2 environments: 3 to create, 0 to update, 0 to delete.");
    String production = out.substring(out.indexOf("=== Environment production"));
    assertThat(production).doesNotContain("debug-panel");
    assertThat(flagKeys(staging)).isEmpty();
  }

  @Test
  void markdownHasOneDetailsSectionPerEnvironmentUnderOneMarker() {
    InProcessCli.Result plan = cli("plan", flags.toString(), "--all-envs", "--format", "markdown");

    assertThat(plan.exitCode()).as(plan.output()).isZero();
    String out = plan.stdout();
    assertThat(out).startsWith("<!-- posthog-gitops-plan -->\n**Total over 2 environments: 3");
    assertThat(out.split("<!-- posthog-gitops-plan -->", -1)).hasSize(2);
    assertThat(out)
        .containsSubsequence(
            "<details open><summary><b>Environment staging · project 4242 (Acme Staging)</b>"
                + " · Plan: 2 to create, 0 to update, 0 to delete.</summary>",
            "</details>",
            "<details open><summary><b>Environment production · project 4343 (Acme"
                + " Production)</b> · Plan: 1 to create, 0 to update, 0 to delete.</summary>",
            "</details>");
  }

  @Test
  void applyAllEnvsAppliesInTheConfiguredOrder() {
    InProcessCli.Result apply = cli("apply", flags.toString(), "--all-envs", "--approve");

    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(writeOrder).containsExactly("staging", "staging", "production");
    assertThat(apply.stdout())
        .containsSubsequence(
            "=== Environment staging · project 4242 (Acme Staging) ===",
            "=== Environment production · project 4343 (Acme Production) ===");
  }

  @Test
  void applyAllEnvsStopsAtTheFirstEnvironmentThatFails() {
    staging.api().rejectWrite(2, "Feature flag key already exists.", "key");

    InProcessCli.Result apply = cli("apply", flags.toString(), "--all-envs", "--approve");

    assertThat(apply.exitCode()).as(apply.output()).isEqualTo(1);
    assertThat(apply.stderr())
        .contains("error: stopped at environment staging. Not applied: production.");
    assertThat(production.requests()).isEmpty();
    assertThat(production.writes()).isEmpty();
  }

  @Test
  void aSavedPlanIsRefusedForAnotherEnvironmentAndAppliedInItsOwn() {
    Path saved = dir.resolve("staging-plan.json");
    InProcessCli.Result plan =
        cli("plan", flags.toString(), "--env", "staging", "--out", saved.toString());
    assertThat(plan.exitCode()).as(plan.output()).isZero();

    InProcessCli.Result refused =
        cli("apply", "--plan", saved.toString(), "--env", "production", "--approve");

    assertThat(refused.exitCode()).isEqualTo(64);
    assertThat(refused.stderr())
        .contains(
            "the saved plan "
                + saved
                + " was made for environment staging, not production; nothing was written."
                + " Apply it with --env staging, or make a plan for production with plan --env"
                + " production --out FILE.");
    assertThat(production.requests()).isEmpty();

    InProcessCli.Result applied = cli("apply", "--plan", saved.toString(), "--approve");

    assertThat(applied.exitCode()).as(applied.output()).isZero();
    assertThat(flagKeys(staging)).containsExactlyInAnyOrder("new-checkout", "debug-panel");
    assertThat(production.writes()).isEmpty();
  }

  @Test
  void exportOfASecondProjectWritesOnlyItsDifferencesAndPlansClean() throws IOException {
    Path stagingSource =
        folder("staging-source", flagYaml("new-checkout", 100), flagYaml("debug-panel", 100));
    Path productionSource =
        folder("production-source", flagYaml("new-checkout", 10), flagYaml("legacy-banner", 50));
    assertThat(cli("apply", stagingSource.toString(), "--env", "staging", "--approve").exitCode())
        .isZero();
    assertThat(
            cli("apply", productionSource.toString(), "--env", "production", "--approve")
                .exitCode())
        .isZero();
    Path repo = dir.resolve("repo");
    assertThat(cli("export", "--env", "staging", "--out", repo.toString()).exitCode()).isZero();

    InProcessCli.Result export = cli("export", "--env", "production", "--out", repo.toString());

    assertThat(export.exitCode()).as(export.output()).isZero();
    Path flagsFolder = repo.resolve("feature-flags");
    assertThat(Files.readString(flagsFolder.resolve("new-checkout.yaml")))
        .contains("environments:\n  production:\n    filters:\n")
        .contains("rollout_percentage: 10");
    assertThat(Files.readString(flagsFolder.resolve("debug-panel.yaml")))
        .endsWith("only: [staging]\n");
    assertThat(Files.readString(flagsFolder.resolve("legacy-banner.yaml")))
        .endsWith("only: [production]\n");
    assertThat(export.stdout().lines())
        .containsExactlyInAnyOrder(
            flagsFolder.resolve("new-checkout.yaml").toString(),
            flagsFolder.resolve("debug-panel.yaml").toString(),
            flagsFolder.resolve("legacy-banner.yaml").toString());

    InProcessCli.Result plan = cli("plan", repo.toString(), "--all-envs", "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.stdout()).endsWith("Total over 2 environments: no changes.\n");
  }

  @Test
  void allEnvsNeedsEnvironmentsAndGoesWithNeitherEnvNorOut() throws IOException {
    Path bare = dir.resolve("bare.yaml");
    Files.writeString(bare, "api_url: \"%s\"\n".formatted(staging.url()));

    InProcessCli.Result none =
        InProcessCli.run(ENV, "plan", flags.toString(), "--all-envs", "--config", bare.toString());
    InProcessCli.Result withEnv = cli("plan", flags.toString(), "--all-envs", "--env", "staging");
    InProcessCli.Result withOut = cli("plan", flags.toString(), "--all-envs", "--out", "p.json");
    InProcessCli.Result withPlan = cli("apply", "--all-envs", "--plan", "p.json");

    assertThat(none.exitCode()).isEqualTo(64);
    assertThat(none.stderr())
        .contains(
            "plan --all-envs needs an environments: section in "
                + bare
                + ", e.g. environments: {staging: {project: 4242}, production: {project: 4343}}.");
    assertThat(withEnv.exitCode()).isEqualTo(64);
    assertThat(withEnv.stderr()).contains("--env and --all-envs cannot be combined");
    assertThat(withOut.exitCode()).isEqualTo(64);
    assertThat(withOut.stderr())
        .contains(
            "--out cannot be combined with --all-envs; save one plan per environment with --env"
                + " NAME.");
    assertThat(withPlan.exitCode()).isEqualTo(64);
    assertThat(staging.requests()).isEmpty();
  }

  @Test
  void allEnvsTakesNoProjectOrConnectionThatWouldOverrideEveryEnvironments() {
    InProcessCli.Result project = cli("--project", "4242", "plan", flags.toString(), "--all-envs");
    InProcessCli.Result connection =
        cli("apply", flags.toString(), "--all-envs", "--connection", "conn-1", "--approve");

    assertThat(project.exitCode()).isEqualTo(64);
    assertThat(project.stderr())
        .contains("--project cannot be combined with --all-envs; each environment's project comes");
    assertThat(connection.exitCode()).isEqualTo(64);
    assertThat(connection.stderr()).contains("--connection cannot be combined with --all-envs");
    assertThat(staging.requests()).isEmpty();
    assertThat(production.requests()).isEmpty();
  }

  @Test
  void anUnknownEnvironmentIsRefusedBeforeAnythingIsRead() {
    InProcessCli.Result plan = cli("plan", flags.toString(), "--env", "prod");

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.stderr())
        .contains("no environment 'prod' under environments:; known: staging, production.");
    assertThat(staging.requests()).isEmpty();
    assertThat(production.requests()).isEmpty();
  }

  @Test
  void aFolderOfAnotherEnvironmentsDocumentsIsNotAnEmptyPath() throws IOException {
    Path stagingOnly = folder("staging-only", flagYaml("debug-panel", 100) + "only: [staging]\n");

    InProcessCli.Result plan = cli("plan", stagingOnly.toString(), "--env", "production");

    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.stdout()).contains("No changes. PostHog matches the declared state.");
  }

  @Test
  void theExampleIsValidInEveryEnvironment() {
    InProcessCli.Result validate =
        InProcessCli.run(
            ENV,
            "validate",
            "examples/environments/posthog",
            "--config",
            "examples/environments/posthog-gitops.yaml");

    assertThat(validate.exitCode()).as(validate.output()).isZero();
    assertThat(validate.stdout()).isEqualTo("4 documents valid.\n");
  }

  @Test
  void exportOfAProjectShapedLikePostHogsRoundTrips() throws IOException {
    JsonNode snapshot = JSON.readTree(Files.readString(Path.of("examples/snapshot.json")));
    seed(staging, snapshot, Map.of());
    seed(
        production,
        snapshot,
        Map.of(
            "dark-mode",
            flag -> {
              ((ObjectNode) flag.at("/filters/groups/0")).put("rollout_percentage", 20);
              ((ObjectNode) flag.get("filters")).putObject("payloads");
            },
            "beta-reports",
            flag -> flag.put("name", "Reports builder (production)"),
            "legacy-search",
            flag -> flag.put("deleted", true)));
    production.add(
        "cohorts",
        "{\"id\":9001,\"name\":\"Production pilots\",\"is_static\":false,\"filters\":"
            + "{\"properties\":{\"type\":\"OR\",\"values\":[{\"type\":\"AND\",\"values\":"
            + "[{\"type\":\"person\",\"key\":\"email\",\"operator\":\"icontains\","
            + "\"value\":\"@pilot.example\"}]}]}}}");
    production.add(
        "cohorts",
        "{\"id\":9002,\"name\":\"\",\"is_static\":false,\"filters\":{\"properties\":"
            + "{\"type\":\"AND\",\"values\":[{\"type\":\"person\",\"key\":\"plan\","
            + "\"operator\":\"exact\",\"value\":[\"pro\"]}]}}}");
    Path repo = dir.resolve("repo");
    assertThat(cli("export", "--env", "staging", "--out", repo.toString()).exitCode()).isZero();

    InProcessCli.Result export = cli("export", "--env", "production", "--out", repo.toString());

    assertThat(export.exitCode()).as(export.output()).isZero();
    assertThat(export.stderr()).doesNotContain("warning:");
    assertThat(export.stdout().lines().map(line -> Path.of(line).getFileName().toString()))
        .containsExactlyInAnyOrder(
            "dark-mode.yaml",
            "beta-reports.yaml",
            "legacy-search.yaml",
            "production-pilots.yaml",
            "unnamed--9002.yaml");
    assertThat(Files.readString(repo.resolve("cohorts/unnamed--9002.yaml")))
        .contains("\nid: 9002\n")
        .endsWith("only: [production]\n");
    assertThat(Files.readString(repo.resolve("feature-flags/dark-mode.yaml")))
        .contains("environments:\n  production:\n    filters:\n      groups:\n")
        .contains("          rollout_percentage: 20\n      payloads: null\n");
    assertThat(Files.readString(repo.resolve("feature-flags/beta-reports.yaml")))
        .endsWith("environments:\n  production:\n    name: Reports builder (production)\n");
    InProcessCli.Result plan = cli("plan", repo.toString(), "--all-envs", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.stdout()).endsWith("Total over 2 environments: no changes.\n");
  }

  /** Every object of the snapshot, changed by {@code edits} (by flag key) on the way. */
  private static void seed(
      FakePostHogServer posthog, JsonNode snapshot, Map<String, Consumer<ObjectNode>> edits)
      throws IOException {
    for (Kind kind : Kinds.all()) {
      for (JsonNode raw : snapshot.path("objects").path(kind.name())) {
        ObjectNode object = raw.deepCopy();
        Consumer<ObjectNode> edit = edits.get(object.path("key").asText());
        if (kind.name().equals("FeatureFlag") && edit != null) {
          edit.accept(object);
        }
        posthog.add(kind.resource(), JSON.writeValueAsString(object));
      }
    }
  }

  private static String flagYaml(String key, int rollout) {
    return "kind: FeatureFlag\nkey: %s\nfilters:\n  groups: [{rollout_percentage: %d}]\n"
        .formatted(key, rollout);
  }

  private Path folder(String name, String... documents) throws IOException {
    Path folder = dir.resolve(name);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("flags.yaml"), String.join("---\n", documents));
    return folder;
  }
}
