package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.posthoggitops.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigTest {

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("posthog-gitops.yaml"), text);
  }

  private static List<String> problems(Path file) {
    return ProjectConfig.read(file).diagnostics().stream().map(Diagnostic::format).toList();
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
        impact: true
        prune:
          ignore: ["FeatureFlag/legacy-*", "Cohort/*"]
        rate_limit_per_minute: 240
        paths: [posthog, shared/flags]
        """);

    ConfigRead read = ProjectConfig.read(file);

    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.config())
        .isEqualTo(
            new ProjectConfig(
                "https://us.posthog.com",
                "4242",
                "conn-prod",
                true,
                true,
                List.of("FeatureFlag/legacy-*", "Cohort/*"),
                240,
                Map.of(),
                file.toString(),
                List.of("posthog", "shared/flags")));
  }

  @Test
  void anUnknownKeyIsAnErrorAtItsPositionWithTheNearestKnownKey() throws IOException {
    Path file = write("project: 4242\nconection: conn-prod\n");

    assertThat(problems(file))
        .containsExactly(
            file
                + ":2:1: unknown field `conection` in the config file; did you mean `connection`?");
    assertThat(ProjectConfig.read(file).hasErrors()).isTrue();
  }

  @Test
  void anUnknownKeyUnderPruneIsFoundToo() throws IOException {
    Path file = write("prune:\n  ignor: [\"Cohort/*\"]\n");

    assertThat(problems(file))
        .containsExactly(file + ":2:3: unknown field `ignor` in `prune`; did you mean `ignore`?");
  }

  @Test
  void aKeyLikeFieldIsRefusedBecauseTheKeyComesOnlyFromTheEnvironment() throws IOException {
    Path file = write("project: 1\napi_key: phx_secret\nenvironments:\n  ci: {token: phx_x}\n");

    assertThat(problems(file))
        .hasSize(2)
        .allMatch(p -> p.contains("is not allowed: the API key is read only from the environment"))
        .noneMatch(p -> p.contains("phx_"));
    assertThat(problems(file).get(0)).startsWith(file + ":2:1: `api_key` is not allowed");
    assertThat(problems(file).get(1)).startsWith(file + ":4:8: `token` is not allowed");
  }

  @Test
  void badValuesAreReportedEachOnItsLine() throws IOException {
    Path file =
        write("project: acme\nrate_limit_per_minute: 0\nannotate: yes please\nconnection: ' '\n");

    assertThat(problems(file))
        .containsExactly(
            file + ":1:10: `project` must be a numeric project id or @current, not `acme`.",
            file + ":2:24: `rate_limit_per_minute` must be at least 1, not 0.",
            file + ":3:11: `annotate` must be true or false, not a string (\"yes please\").",
            file + ":4:13: `connection` must not be empty; remove it or set it.");
    assertThat(ProjectConfig.read(file).config()).isEqualTo(ProjectConfig.empty());
  }

  @Test
  void aMissingExplicitFileIsAnErrorButAMissingDefaultFileIsNot() {
    assertThatThrownBy(() -> ProjectConfig.read(dir.resolve("nope.yaml")))
        .hasMessageContaining("nope.yaml: config file not found (given with --config)");
    assertThat(ProjectConfig.read(null).config()).isEqualTo(ProjectConfig.empty());
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
    ProjectConfig config = ProjectConfig.read(file).config();

    assertThat(config.environment("production"))
        .isEqualTo(new EnvironmentSettings("production", "https://eu.posthog.com", "4343", null));
    assertThat(config.environment(null)).isEqualTo(EnvironmentSettings.NONE);
    assertThatThrownBy(() -> config.environment("prod"))
        .hasMessage(
            file + ": no environment 'prod' under environments:; known: staging, production.");
    assertThatThrownBy(() -> ProjectConfig.empty().environment("prod"))
        .hasMessageContaining("--env prod needs an environments: section");
  }

  @Test
  void anUnknownKeyInAnEnvironmentIsFoundAtItsPosition() throws IOException {
    Path file = write("environments:\n  staging:\n    projet: 4242\n");

    assertThat(problems(file))
        .containsExactly(
            file
                + ":3:5: unknown field `projet` in `environments.staging`; did you mean `project`?");
  }

  @Test
  void invalidYamlNamesTheFileAndLine() throws IOException {
    Path file = write("project: 1\nprune: [unclosed\n");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .startsWith(file + ":3:1: YAML syntax error");
  }

  @Test
  void moreThanOneDocumentIsAnError() throws IOException {
    Path file = write("project: 1\n---\nproject: 2\n");

    assertThat(problems(file))
        .containsExactly(file + ":3:1: the config file must hold one YAML document, not 2.");
  }
}
