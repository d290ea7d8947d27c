package io.posthoggitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.posthoggitops.model.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoTest {

  @TempDir Path repo;
  private RevCommit base;
  private RevCommit head;

  @BeforeEach
  void twoCommitsWhereTheSecondDeletesAFlag() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("flags/checkout.yaml", "kind: FeatureFlag\nkey: new-checkout\n");
      write("flags/old-banner.yml", "kind: FeatureFlag\nkey: old-banner\n");
      write("flags/nested/cohorts.yaml", "kind: Cohort\nname: Beta testers\n");
      write("flags/notes.txt", "not yaml");
      write("flags/posthog-gitops.yaml", "project: 1\n");
      write("other/dash.yaml", "kind: Dashboard\nname: KPIs\n");
      base = commit(git, "first");
      Files.delete(repo.resolve("flags/old-banner.yml"));
      write("flags/checkout.yaml", "kind: FeatureFlag\nkey: new-checkout\nactive: false\n");
      head = commit(git, "second");
    }
  }

  private void write(String name, String content) throws Exception {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static RevCommit commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit().setMessage(message).setAuthor("t", "t@example.com").setSign(false).call();
  }

  @Test
  void readsYamlFilesUnderAPathAsTheyWereAtARefIncludingFilesDeletedSince() {
    Path flags = repo.resolve("flags");

    Map<String, String> files = GitRepo.yamlFilesAt(base.name(), List.of(flags));

    assertThat(files)
        .containsOnlyKeys(
            flags.resolve("checkout.yaml").toString(),
            flags.resolve("nested/cohorts.yaml").toString(),
            flags.resolve("old-banner.yml").toString());
    assertThat(files.get(flags.resolve("checkout.yaml").toString()))
        .isEqualTo("kind: FeatureFlag\nkey: new-checkout\n");
  }

  @Test
  void leavesOutAtARefWhatTheWorkTreeLeavesOut() throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      write(".github/workflows/plan.yml", "on: push\n");
      write("target/classes/application.yaml", "quarkus: {}\n");
      write(".pre-commit-config.yaml", "repos: []\n");
      commit(git, "third");
    }

    assertThat(GitRepo.yamlFilesAt("main", List.of(repo)).keySet())
        .allMatch(name -> name.startsWith(repo.resolve("flags") + "/") || name.contains("/other/"))
        .hasSize(3);
    assertThat(GitRepo.yamlFilesAt("main", List.of(repo.resolve("target")))).hasSize(1);
  }

  @Test
  void resolvesBranchNamesAndRelativeRefs() {
    assertThat(GitRepo.yamlFilesAt("main~1", List.of(repo.resolve("flags")))).hasSize(3);
    assertThat(GitRepo.yamlFilesAt("main", List.of(repo.resolve("flags")))).hasSize(2);
  }

  @Test
  void readsASingleFileGivenByItsPathEvenWhenItIsGoneFromTheWorkTree() {
    Path gone = repo.resolve("flags/old-banner.yml");

    assertThat(GitRepo.yamlFilesAt(base.name(), List.of(gone)))
        .containsExactly(Map.entry(gone.toString(), "kind: FeatureFlag\nkey: old-banner\n"));
  }

  @Test
  void anUnknownRefIsAUserErrorThatSuggestsFetching() {
    assertThatThrownBy(() -> GitRepo.yamlFilesAt("origin/main", List.of(repo.resolve("flags"))))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--base origin/main: no such commit, branch or tag")
        .hasMessageContaining("git fetch origin");
  }

  @Test
  void aPathOutsideAnyRepositoryIsAUserError(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> GitRepo.yamlFilesAt("main", List.of(elsewhere)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is not inside one");
  }

  @Test
  void headNamesTheCommitAndWhetherTheWorkTreeHasChanges() throws Exception {
    assertThat(GitRepo.head(repo.resolve("flags"))).contains(new GitRepo.Head(head.name(), false));

    write("flags/checkout.yaml", "kind: FeatureFlag\nkey: new-checkout\nactive: true\n");

    assertThat(GitRepo.head(repo.resolve("flags"))).contains(new GitRepo.Head(head.name(), true));
  }

  @Test
  void headIsEmptyOutsideGit(@TempDir Path elsewhere) {
    assertThat(GitRepo.head(elsewhere)).isEmpty();
  }
}
