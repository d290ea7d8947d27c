package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigTest {

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("posthog-gitops.yaml"), text);
  }

  @Test
  void readsEverySetting() throws IOException {
    Path file =
        write(
            """
        api_url: https://us.posthog.com
        project: 4242
        connection: conn-prod
        annotate: true
        prune:
          ignore: ["FeatureFlag/legacy-*", "Cohort/*"]
        rate_limit_per_minute: 240
        """);

    assertThat(ProjectConfig.load(file))
        .isEqualTo(
            new ProjectConfig(
                "https://us.posthog.com",
                "4242",
                "conn-prod",
                true,
                List.of("FeatureFlag/legacy-*", "Cohort/*"),
                240));
  }

  @Test
  void anUnknownKeyIsAnErrorAtItsPositionWithTheNearestKnownKey() throws IOException {
    Path file = write("project: 4242\nconection: conn-prod\n");

    assertThatThrownBy(() -> ProjectConfig.load(file))
        .isInstanceOf(UserError.class)
        .hasMessage(
            file
                + ":2:1: unknown key 'conection'; did you mean 'connection'? known keys: "
                + "api_url, project, connection, annotate, prune, rate_limit_per_minute, environments.");
  }

  @Test
  void anUnknownKeyUnderPruneIsFoundToo() throws IOException {
    Path file = write("prune:\n  ignor: [\"Cohort/*\"]\n");

    assertThatThrownBy(() -> ProjectConfig.load(file))
        .hasMessage(file + ":2:3: unknown key 'ignor'; did you mean 'ignore'? known keys: ignore.");
  }

  @Test
  void aKeyLikeFieldIsRefusedBecauseTheKeyComesOnlyFromTheEnvironment() throws IOException {
    Path file = write("project: 1\napi_key: phx_secret\n");

    assertThatThrownBy(() -> ProjectConfig.load(file))
        .hasMessageStartingWith(
            file
                + ":2:1: 'api_key' is not allowed: the API key is read only from the environment (MATON_API_KEY")
        .hasMessageNotContaining("phx_secret");
  }

  @Test
  void badValuesAreReportedEachOnItsLine() throws IOException {
    Path file = write("project: acme\nrate_limit_per_minute: 0\nannotate: yes please\n");

    assertThatThrownBy(() -> ProjectConfig.load(file))
        .hasMessage(
            String.join(
                "\n",
                file + ":1:1: project must be a numeric project id or @current, not 'acme'.",
                file
                    + ":2:1: rate_limit_per_minute must be a whole number of requests, at least 1 (default 480).",
                file + ":3:1: annotate must be true or false."));
  }

  @Test
  void aMissingExplicitFileIsAnErrorButAMissingDefaultFileIsNot() {
    assertThatThrownBy(() -> ProjectConfig.load(dir.resolve("nope.yaml")))
        .hasMessageContaining("nope.yaml: config file not found (given with --config)");
    assertThat(ProjectConfig.load(null)).isEqualTo(ProjectConfig.empty());
  }

  @Test
  void selectsAnEnvironmentByNameAndRefusesAnUnknownOne() throws IOException {
    Path file =
        write(
            """
        project: 1
        environments:
          staging:    {project: 4242, connection: conn-staging}
          production: {project: 4343, api_url: https://eu.posthog.com}
        """);

    assertThat(ProjectConfig.environment(file, "production"))
        .isEqualTo(new EnvironmentSettings("production", "https://eu.posthog.com", "4343", null));
    assertThat(ProjectConfig.environment(file, null)).isNull();
    assertThatThrownBy(() -> ProjectConfig.environment(file, "prod"))
        .hasMessage(
            file + ": no environment 'prod' under environments:; known: staging, production.");
  }

  @Test
  void anUnknownKeyInAnEnvironmentIsFoundAtItsPosition() throws IOException {
    Path file = write("environments:\n  staging:\n    projet: 4242\n");

    assertThatThrownBy(() -> ProjectConfig.load(file))
        .hasMessage(
            file
                + ":3:5: unknown key 'projet'; did you mean 'project'? known keys: api_url, project, connection.");
  }

  @Test
  void invalidYamlNamesTheFileAndLine() throws IOException {
    Path file = write("project: 1\nprune: [unclosed\n");

    assertThatThrownBy(() -> ProjectConfig.load(file))
        .hasMessageStartingWith(file + ":3:1: YAML syntax error");
  }
}
