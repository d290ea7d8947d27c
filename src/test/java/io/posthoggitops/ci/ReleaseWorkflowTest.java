package io.posthoggitops.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release workflow's first check, run as a runner would: a release goes out only when its tag
 * is the version in pom.xml and the reusable workflows use this repository's action at that major
 * version, since that is what the callers of a release run.
 */
class ReleaseWorkflowTest {

  private static final Path REPOSITORY = Path.of("").toAbsolutePath();
  private static final int THROUGH_THE_CHECK = 3;

  @TempDir Path workspace;

  private WorkflowRunner.Job check(String repository, String tag) throws IOException {
    for (String file : new String[] {"pom.xml", ".github/workflows"}) {
      Path to = workspace.resolve(file);
      if (Files.isDirectory(REPOSITORY.resolve(file))) {
        Files.createDirectories(to);
        try (var files = Files.list(REPOSITORY.resolve(file))) {
          for (Path f : files.toList()) {
            Files.copy(f, to.resolve(f.getFileName()));
          }
        }
      } else {
        Files.copy(REPOSITORY.resolve(file), to);
      }
    }
    WorkflowRunner runner =
        new WorkflowRunner(
            REPOSITORY,
            REPOSITORY.resolve("target/none.jar"),
            workspace,
            Map.of("GITHUB_REPOSITORY", repository));
    return runner.run(
        REPOSITORY.resolve(".github/workflows/release.yml"),
        "release",
        Map.of("github", Map.of("ref_name", tag, "repository", repository)),
        THROUGH_THE_CHECK);
  }

  private static String version() throws IOException {
    return Pattern.compile("\n  <version>(.*)</version>")
        .matcher(Files.readString(REPOSITORY.resolve("pom.xml")))
        .results()
        .findFirst()
        .orElseThrow()
        .group(1);
  }

  private static String owner() throws IOException {
    var action =
        Pattern.compile("uses: ([A-Za-z0-9_.-]+)/posthog-gitops@")
            .matcher(Files.readString(REPOSITORY.resolve(".github/workflows/posthog-plan.yml")));
    assertThat(action.find()).isTrue();
    return action.group(1);
  }

  @Test
  void theTagOfThePomVersionInTheRepositoryTheWorkflowsNamePasses() throws IOException {
    WorkflowRunner.Job job = check(owner() + "/posthog-gitops", "v" + version());

    assertThat(job.succeeded()).as(job.steps().toString()).isTrue();
    assertThat(job.steps().get(2).outputs())
        .containsEntry("version", version())
        .containsEntry("major", "v" + version().replaceAll("\\..*", ""));
  }

  @Test
  void aTagThatIsNotThePomVersionStopsTheRelease() throws IOException {
    WorkflowRunner.Job job = check(owner() + "/posthog-gitops", "v9.9.9");

    assertThat(job.succeeded()).isFalse();
    assertThat(job.steps().get(2).stdout())
        .isEqualTo(
            "::error title=release::tag v9.9.9 does not match version "
                + version()
                + " in pom.xml; tag v"
                + version()
                + " instead, or change the version first.\n");
  }

  @Test
  void aRepositoryTheReusableWorkflowsDoNotNameStopsTheRelease() throws IOException {
    WorkflowRunner.Job job = check("someone-else/posthog-gitops", "v" + version());

    assertThat(job.succeeded()).isFalse();
    assertThat(job.steps().get(2).stdout())
        .contains(
            "::error title=release::the reusable workflows above must use the action as someone-else/posthog-gitops@v");
  }
}
