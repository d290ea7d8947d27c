package io.posthoggitops.ci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's scripts in bash: which posthog-gitops {@code install.sh} picks, the release download
 * and its SHA-256 check against a loopback stand-in for GitHub's release pages, and the command
 * line {@code run.sh} builds from the inputs (with a stand-in posthog-gitops that prints it).
 */
class ActionScriptsTest {

  private static final Path ACTION = Path.of("").toAbsolutePath();
  private static final byte[] JAR = "a released jar".getBytes(StandardCharsets.UTF_8);
  private static final String RELEASE = "/acme/posthog-gitops/releases/download/v0.1.0/";
  private static final WireMockServer releases = new WireMockServer(options().dynamicPort());

  @TempDir Path dir;

  record Run(int exitCode, String stdout, Map<String, String> outputs, String path) {}

  @BeforeAll
  static void start() throws NoSuchAlgorithmException {
    releases.start();
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JAR));
    releases.stubFor(
        get(urlEqualTo(RELEASE + "posthog-gitops-0.1.0.jar"))
            .willReturn(aResponse().withBody(JAR)));
    releases.stubFor(
        get(urlEqualTo(RELEASE + "posthog-gitops-0.1.0.jar.sha256"))
            .willReturn(aResponse().withBody(digest + "  posthog-gitops-0.1.0.jar\n")));
  }

  @AfterAll
  static void stop() {
    releases.stop();
  }

  private Run bash(String script, Map<String, String> env)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(dir, "output", "");
    Path path = Files.createTempFile(dir, "path", "");
    ProcessBuilder process =
        new ProcessBuilder("bash", "-c", script)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log").toFile());
    process.environment().putAll(env);
    process.environment().put("GITHUB_OUTPUT", output.toString());
    process.environment().put("GITHUB_PATH", path.toString());
    process.environment().put("RUNNER_TOOL_CACHE", dir.resolve("cache").toString());
    process.environment().put("RUNNER_TEMP", dir.toString());
    int exit = process.start().waitFor();
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(output)) {
      outputs.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    return new Run(exit, Files.readString(dir.resolve("log")), outputs, Files.readString(path));
  }

  private Run install(String step, Map<String, String> env)
      throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put("ACTION_PATH", ACTION.toString());
    return bash("\"$ACTION_PATH/action/install.sh\" " + step, all);
  }

  private Run fetchRelease(String pinned) throws IOException, InterruptedException {
    return install(
        "fetch",
        Map.of(
            "INSTALL_MODE",
            "release",
            "INSTALL_VERSION",
            "0.1.0",
            "INSTALL_DIR",
            dir.resolve("cache/posthog-gitops/0.1.0").toString(),
            "ACTION_REPOSITORY",
            "acme/posthog-gitops",
            "GITHUB_SERVER_URL",
            releases.baseUrl(),
            "INPUT_SHA256",
            pinned));
  }

  @Test
  void atAReleaseTagTheActionInstallsItsOwnVersionAndAtACommitItBuilds() throws Exception {
    Run tag = install("resolve", Map.of("ACTION_REF", "v0", "INPUT_VERSION", ""));
    Run commit =
        install("resolve", Map.of("ACTION_REF", "8f3c2e1d0b4a59687766554433221100ffeeddcc"));
    Run asked = install("resolve", Map.of("ACTION_REF", "v0", "INPUT_VERSION", "v0.0.9"));
    Run source = install("resolve", Map.of("ACTION_REF", "v0", "INPUT_VERSION", "source"));

    String version =
        java.util.regex.Pattern.compile("\n  <version>(.*)</version>")
            .matcher(Files.readString(ACTION.resolve("pom.xml")))
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);
    assertThat(tag.outputs()).containsEntry("mode", "release").containsEntry("version", version);
    assertThat(tag.outputs().get("key")).isEqualTo("posthog-gitops-Linux-" + version);
    assertThat(commit.outputs()).containsEntry("mode", "source");
    assertThat(commit.outputs().get("version")).matches("src-[0-9a-f]{16}");
    assertThat(asked.outputs()).containsEntry("mode", "release").containsEntry("version", "0.0.9");
    assertThat(source.outputs()).containsEntry("mode", "source");
  }

  @Test
  void aReleaseJarIsInstalledOnlyWhenItsSha256Matches() throws Exception {
    Run good = fetchRelease("");

    assertThat(good.exitCode()).as(good.stdout()).isZero();
    Path installed = dir.resolve("cache/posthog-gitops/0.1.0");
    assertThat(Files.readAllBytes(installed.resolve("lib/posthog-gitops.jar"))).isEqualTo(JAR);
    assertThat(installed.resolve("bin/posthog-gitops"))
        .isExecutable()
        .hasSameBinaryContentAs(ACTION.resolve("bin/posthog-gitops"));
    // The stand-in jar runs nothing, so no class-data archive: a warning, and the install goes on.
    assertThat(good.stdout())
        .contains("::warning title=posthog-gitops::no class-data archive was written");
    assertThat(installed.resolve("lib/posthog-gitops.jsa")).doesNotExist();
    assertThat(good.path()).isEqualTo(installed.resolve("bin") + "\n");
    assertThat(good.outputs())
        .containsEntry("jar", installed.resolve("lib/posthog-gitops.jar").toString());
  }

  @Test
  void aJarWhoseSha256DiffersFromThePinnedOneIsRefusedAndNothingInstalled() throws Exception {
    Run bad = fetchRelease("0".repeat(64));

    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stdout())
        .contains(
            "::error title=posthog-gitops::posthog-gitops-0.1.0.jar has SHA-256 ",
            ", not " + "0".repeat(64) + "; nothing was installed.");
    assertThat(dir.resolve("cache/posthog-gitops/0.1.0")).doesNotExist();
    assertThat(bad.path()).isEmpty();
  }

  @Test
  void aReleaseThatDoesNotExistSaysWhichUrlFailed() throws Exception {
    Run missing =
        install(
            "fetch",
            Map.of(
                "INSTALL_MODE", "release",
                "INSTALL_VERSION", "9.9.9",
                "INSTALL_DIR", dir.resolve("cache/x").toString(),
                "ACTION_REPOSITORY", "acme/posthog-gitops",
                "GITHUB_SERVER_URL", releases.baseUrl()));

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stdout())
        .contains(
            "::error title=posthog-gitops::cannot download "
                + releases.baseUrl()
                + "/acme/posthog-gitops/releases/download/v9.9.9/posthog-gitops-9.9.9.jar; check that release v9.9.9 exists");
  }

  @Test
  void runPassesEveryInputAsOneArgumentAndTheKeyOnlyInTheEnvironment() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fake = bin.resolve("posthog-gitops");
    Files.writeString(
        fake,
        "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n"
            + "[ \"$MATON_API_KEY\" = phx_secret ] && echo 'key in MATON_API_KEY'\n"
            + "echo 'to stderr' >&2\nexit 2\n");
    fake.toFile().setExecutable(true);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("ACTION_PATH", ACTION.toString());
    env.put("INPUT_COMMAND", "plan");
    env.put("INPUT_PATH", "posthog");
    env.put("INPUT_PROJECT", "4242");
    env.put("INPUT_CONNECTION", "");
    env.put("INPUT_API_URL", "");
    env.put("INPUT_ARGS", "--target=Cohort/Pilot users\n\n--detailed-exitcode\n");
    env.put("INPUT_API_KEY", "phx_secret");

    Run run = bash("\"$ACTION_PATH/action/run.sh\"", env);

    assertThat(run.exitCode()).as(run.stdout()).isZero();
    assertThat(run.stdout())
        .isEqualTo(
            "[plan]\n[posthog]\n[--project]\n[4242]\n[--target=Cohort/Pilot users]\n[--detailed-exitcode]\n"
                + "key in MATON_API_KEY\nto stderr\n");
    assertThat(run.stdout()).doesNotContain("phx_secret");
    assertThat(run.outputs()).containsEntry("exitcode", "2");
    assertThat(Files.readString(Path.of(run.outputs().get("stderr")))).isEqualTo("to stderr\n");
    Files.writeString(fake, "#!/bin/sh\nexit 1\n");
    assertThat(bash("\"$ACTION_PATH/action/run.sh\"", env).exitCode()).isEqualTo(1);
  }
}
