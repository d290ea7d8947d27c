package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.posthoggitops.config.ConnectionSettings;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LiveConnectionTest {

  private static final ProjectConfig CONFIG =
      new ProjectConfig(
          "https://eu.posthog.com",
          "11",
          "conn-file",
          false,
          false,
          List.of(),
          120,
          Map.of(),
          null,
          List.of());

  private static GlobalOptions parse(String... args) {
    PosthogGitopsCommand top = new PosthogGitopsCommand();
    new CommandLine(top).parseArgs(args);
    return top.global;
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheConfigFile() {
    Map<String, String> env =
        Map.of(
            "POSTHOG_GITOPS_API_URL", "https://env.example/posthog/",
            "POSTHOG_GITOPS_PROJECT", "22",
            "MATON_CONNECTION", "conn-env",
            "MATON_API_KEY", "k-maton");

    ConnectionSettings fromFlags =
        LiveConnection.settings(
            parse(
                "--project",
                "33",
                "--connection",
                "conn-flag",
                "--api-url",
                "https://flag.example",
                "export"),
            CONFIG,
            env::get);
    ConnectionSettings fromEnv = LiveConnection.settings(parse("export"), CONFIG, env::get);
    ConnectionSettings fromFile =
        LiveConnection.settings(parse("export"), CONFIG, Map.of("MATON_API_KEY", "k")::get);

    assertThat(fromFlags)
        .isEqualTo(
            new ConnectionSettings("https://flag.example", "33", "conn-flag", "k-maton", 120));
    assertThat(fromEnv)
        .isEqualTo(
            new ConnectionSettings(
                "https://env.example/posthog", "22", "conn-env", "k-maton", 120));
    assertThat(fromFile)
        .isEqualTo(new ConnectionSettings("https://eu.posthog.com", "11", "conn-file", "k", 120));
  }

  @Test
  void anEnvironmentSectionWinsOverVariablesAndLosesToFlags(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("posthog-gitops.yaml"),
            "project: 11\nenvironments:\n  production: {project: 4343, connection: conn-prod}\n");
    Map<String, String> env =
        Map.of("POSTHOG_GITOPS_PROJECT", "22", "MATON_CONNECTION", "conn-env");
    ProjectConfig config = ProjectConfig.read(file).config();

    ConnectionSettings fromSection =
        LiveConnection.settings(
            parse("--config", file.toString(), "export", "--env", "production"), config, env::get);
    ConnectionSettings fromFlag =
        LiveConnection.settings(
            parse("--config", file.toString(), "--env", "production", "export", "--project", "5"),
            config,
            env::get);

    assertThat(fromSection.project()).isEqualTo("4343");
    assertThat(fromSection.connection()).isEqualTo("conn-prod");
    assertThat(fromFlag.project()).isEqualTo("5");
  }

  @Test
  void defaultsToMatonAndTheCurrentProject() {
    ConnectionSettings settings =
        LiveConnection.settings(
            parse("export"), ProjectConfig.empty(), Map.<String, String>of()::get);

    assertThat(settings)
        .isEqualTo(
            new ConnectionSettings("https://api.maton.ai/posthog", "@current", null, null, 480));
  }

  @Test
  void globalOptionsAfterTheSubcommandNameReachTheSameValues() {
    GlobalOptions global = parse("export", "--project", "5", "--connection", "c-9", "--verbose");

    assertThat(global.project()).isEqualTo("5");
    assertThat(global.connection()).isEqualTo("c-9");
    assertThat(global.verbose()).isTrue();
  }

  @Test
  void postHogApiKeyIsTheFallbackAndMatonApiKeyWins() {
    Map<String, String> both = Map.of("MATON_API_KEY", "maton", "POSTHOG_API_KEY", "posthog");
    Map<String, String> onlyPostHog = Map.of("MATON_API_KEY", " ", "POSTHOG_API_KEY", "posthog");

    assertThat(LiveConnection.settings(parse(), ProjectConfig.empty(), both::get).apiKey())
        .isEqualTo("maton");
    assertThat(LiveConnection.settings(parse(), ProjectConfig.empty(), onlyPostHog::get).apiKey())
        .isEqualTo("posthog");
  }

  @Test
  void aMissingKeyNamesBothVariables() {
    ConnectionSettings noKey =
        new ConnectionSettings("https://api.maton.ai/posthog", "@current", null, null, 480);

    assertThatThrownBy(() -> LiveConnection.open(noKey, false))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("set MATON_API_KEY")
        .hasMessageContaining("POSTHOG_API_KEY");
  }

  @Test
  void settingsNeverPrintTheKey() {
    ConnectionSettings settings =
        new ConnectionSettings("https://x", "1", null, "phx_very_secret", 480);

    assertThat(settings.toString()).doesNotContain("phx_very_secret");
  }
}
