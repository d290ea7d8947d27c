package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar run from different folders of one repository (docs/connecting.md): the config file
 * is found the way git finds {@code .git}, its {@code paths:} are the default PATH, and hidden
 * folders and build output are never read, so every folder gives the same plan.
 */
class ConfigLookupIT {
  private static final Path JAR = Path.of("target/posthog-gitops.jar").toAbsolutePath();
  private static final Path SCENARIO =
      Path.of("src/test/resources/scenarios/prune-leaves-prune-ignore-alone");

  /** What the plan must be: prune.ignore of the config keeps the payments-* flags. */
  private static final String PLAN =
      """
      - FeatureFlag "onboarding-tooltips" (id 4102)   not declared here (--prune)
          soft delete: PATCH {"deleted": true}

      Plan: 0 to create, 0 to update, 1 to delete.
      """;

  @TempDir Path dir;
  private Path repo;
  private Path snapshot;

  @BeforeEach
  void repository() throws Exception {
    repo = dir.resolve("repo");
    Git.init().setDirectory(repo.toFile()).call().close();
    Files.createDirectories(repo.resolve("posthog"));
    Files.copy(SCENARIO.resolve("desired/checkout.yaml"), repo.resolve("posthog/checkout.yaml"));
    Files.writeString(
        repo.resolve("posthog-gitops.yaml"),
        Files.readString(SCENARIO.resolve("posthog-gitops.yaml")) + "paths: [posthog]\n");
    write(".github/workflows/plan.yml", "on: push\njobs: {}\n");
    write("target/classes/application.yaml", "quarkus: {banner: false}\n");
    write("docs/notes/README.md", "notes\n");
    snapshot = SCENARIO.resolve("live.json").toAbsolutePath();
  }

  @Test
  void everyFolderOfTheRepositoryPlansTheSameWithTheSameConfig() throws Exception {
    for (Path where : List.of(repo, repo.resolve("docs/notes"), repo.resolve("posthog"))) {
      Run run = plan(where);
      assertThat(run.exit).as(where + ":\n" + run.output).isZero();
      assertThat(run.output).as(where.toString()).contains(PLAN);
    }
  }

  @Test
  void aPathGivenFromOutsideTheRepositoryFindsTheConfigAboveIt() throws Exception {
    Run run = plan(dir, "repo/posthog");

    assertThat(run.exit).as(run.output).isZero();
    assertThat(run.output).contains(PLAN);
  }

  @Test
  void aFolderWithoutDeclarationsIsAnErrorNotNoChanges() throws Exception {
    Run run = plan(repo, "docs");

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.output)
        .contains(
            "error: no YAML declarations under docs; nothing was requested. Give the folder or"
                + " files that hold them as PATH; to start from what PostHog holds, run"
                + " posthog-gitops export --out NEW-FOLDER.")
        .doesNotContain("No changes");
  }

  private record Run(int exit, String output) {}

  private Run plan(Path where, String... paths) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "plan",
                "--prune",
                "--snapshot",
                snapshot.toString()));
    command.addAll(List.of(paths));
    Path output = dir.resolve("output.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(where.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private void write(String name, String text) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
