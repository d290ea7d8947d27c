package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the config file is found without --config, and the default PATHs it gives. */
class ConfigLocationTest {

  @TempDir Path dir;
  private Path repo;

  @BeforeEach
  void repository() throws IOException {
    repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("posthog/flags"));
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve(ProjectConfig.DEFAULT_FILE), "paths: [posthog]\n");
  }

  @Test
  void isFoundFromTheCurrentFolderUpToTheRepositoryRoot() {
    assertThat(ConfigLocation.find(List.of(), repo.resolve("posthog/flags")))
        .contains(repo.resolve("posthog-gitops.yaml"));
    assertThat(ConfigLocation.find(List.of(), repo)).contains(repo.resolve("posthog-gitops.yaml"));
  }

  @Test
  void isFoundFromEachPathBeforeTheCurrentFolder() {
    assertThat(ConfigLocation.find(List.of(Path.of("repo/posthog/flags")), dir))
        .contains(repo.resolve("posthog-gitops.yaml"));
  }

  @Test
  void isNotLookedForAboveTheRepositoryRootOrAboveAFolderOutsideOne() throws IOException {
    Files.writeString(dir.resolve(ProjectConfig.DEFAULT_FILE), "project: 1\n");
    Files.delete(repo.resolve(ProjectConfig.DEFAULT_FILE));
    Path outside = Files.createDirectories(dir.resolve("outside/sub"));

    assertThat(ConfigLocation.find(List.of(), repo.resolve("docs"))).isEmpty();
    assertThat(ConfigLocation.find(List.of(), outside)).isEqualTo(Optional.empty());
  }

  @Test
  void pathsUnderTwoConfigFilesAreRefused() throws IOException {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve(ProjectConfig.DEFAULT_FILE), "project: 1\n");

    assertThatThrownBy(
            () -> ConfigLocation.find(List.of(Path.of("repo/posthog"), Path.of("other")), dir))
        .hasMessage(
            "the PATHs given lie under different config files (repo/posthog-gitops.yaml and"
                + " other/posthog-gitops.yaml); plan them one at a time, or name one config with"
                + " --config.");
  }

  @Test
  void thePathsSettingIsTheDefaultPathRelativeToTheConfigFilesFolder() {
    Path cwd = repo.resolve("docs");
    ProjectConfig config = ProjectConfig.read(null, List.of(), cwd).config();

    assertThat(config.declarationPaths(cwd)).containsExactly(Path.of("../posthog"));
    assertThat(ProjectConfig.empty().declarationPaths(cwd)).containsExactly(Path.of("."));
  }

  @Test
  void withoutThePathsSettingTheConfigFilesFolderIsTheDefaultPath() throws IOException {
    Files.writeString(repo.resolve(ProjectConfig.DEFAULT_FILE), "project: 4242\n");
    Path cwd = repo.resolve("posthog/flags");

    assertThat(ProjectConfig.read(null, List.of(), cwd).config().declarationPaths(cwd))
        .containsExactly(Path.of("../.."));
  }

  @Test
  void aPathsEntryThatDoesNotExistIsAnError() throws IOException {
    Files.writeString(repo.resolve(ProjectConfig.DEFAULT_FILE), "paths: [posthgo]\n");
    ProjectConfig config = ProjectConfig.read(null, List.of(), repo).config();

    assertThatThrownBy(() -> config.declarationPaths(repo))
        .hasMessageEndingWith(
            "posthog-gitops.yaml: paths: names 'posthgo', which does not exist in .; paths: are"
                + " relative to the config file's folder. Fix the entry, or give the folders as"
                + " PATH.");
  }
}
