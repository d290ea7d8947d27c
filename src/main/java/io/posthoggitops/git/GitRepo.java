package io.posthoggitops.git;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.model.UserError;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Reads git through JGit: declarations at a ref, and the commit the work tree is on. */
public final class GitRepo {

  private static final List<String> CONFIG_FILE_NAMES =
      List.of("posthog-gitops.yaml", "posthog-gitops.yml");

  private GitRepo() {}

  /**
   * @param commit full SHA of HEAD; @param dirty uncommitted changes in the work tree
   */
  public record Head(String commit, boolean dirty) {}

  /** HEAD of the repository holding {@code path}, or empty outside git or before a first commit. */
  public static Optional<Head> head(Path path) {
    Optional<Repository> found = open(path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repo = found.get();
        Git git = new Git(repo)) {
      ObjectId head = repo.resolve("HEAD^{commit}");
      if (head == null) {
        return Optional.empty();
      }
      return Optional.of(new Head(head.name(), !git.status().call().isClean()));
    } catch (IOException | GitAPIException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code *.yaml}/{@code *.yml} files under {@code paths} as they were at {@code ref} (display
   * name → content), read from the object database without touching the work tree. Display names
   * are the paths as given plus the part below them, as the user sees files today. An unknown ref
   * or a path outside a repository is a UserError.
   */
  public static Map<String, String> yamlFilesAt(String ref, List<Path> paths) {
    Path first = paths.isEmpty() ? Path.of(".") : paths.get(0);
    Repository repo =
        open(first)
            .orElseThrow(
                () ->
                    new UserError(
                        "--base %s needs a git repository, and %s is not inside one. Run the plan from a clone of the repository, or leave out --base."
                            .formatted(ref, first)));
    try (repo;
        RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(resolve(repo, ref));
      Map<String, String> files = new LinkedHashMap<>();
      Path root = realPath(repo.getWorkTree().toPath());
      for (Path path : paths.isEmpty() ? List.of(first) : paths) {
        files.putAll(filesUnder(repo, commit, root, path, ref));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("reading git repository " + repo.getDirectory(), e);
    }
  }

  private static Optional<Repository> open(Path path) {
    File start = realPath(path.toAbsolutePath()).toFile();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(start);
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(builder.build());
    } catch (IOException e) {
      throw new UncheckedIOException("opening git repository " + builder.getGitDir(), e);
    }
  }

  private static ObjectId resolve(Repository repo, String ref) throws IOException {
    ObjectId id;
    try {
      id = repo.resolve(ref + "^{commit}");
    } catch (RevisionSyntaxException | IOException e) {
      id = null;
    }
    if (id == null) {
      throw new UserError(
          ("--base %s: no such commit, branch or tag in the git repository at %s. If it is a remote"
                  + " branch, fetch it first (git fetch origin), or check the name with git branch -a.")
              .formatted(ref, repo.getWorkTree()));
    }
    return id;
  }

  private static Map<String, String> filesUnder(
      Repository repo, RevCommit commit, Path root, Path given, String ref) throws IOException {
    Path absolute = realPath(given.toAbsolutePath());
    if (!absolute.startsWith(root)) {
      throw new UserError(
          "--base %s: %s is outside the git repository at %s; give paths inside one repository."
              .formatted(ref, given, root));
    }
    String prefix = root.relativize(absolute).toString().replace(File.separatorChar, '/');
    Map<String, String> files = new LinkedHashMap<>();
    try (TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      tree.setFilter(filter(prefix));
      while (tree.next()) {
        String name = tree.getPathString();
        String below =
            name.equals(prefix)
                ? ""
                : prefix.isEmpty() ? name : name.substring(prefix.length() + 1);
        if (CONFIG_FILE_NAMES.contains(tree.getNameString()) || skipped(below)) {
          continue;
        }
        String display =
            below.isEmpty() ? given.toString() : given.resolve(below).normalize().toString();
        byte[] content = repo.open(tree.getObjectId(0)).getBytes();
        files.put(display, new String(content, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** What the work tree's reading leaves out below a PATH is left out at the ref too. */
  private static boolean skipped(String below) {
    return Arrays.stream(below.split("/")).anyMatch(DeclarationLoader::skippedBelowPath);
  }

  private static TreeFilter filter(String prefix) {
    TreeFilter yaml =
        OrTreeFilter.create(PathSuffixFilter.create(".yaml"), PathSuffixFilter.create(".yml"));
    return prefix.isEmpty() ? yaml : AndTreeFilter.create(PathFilter.create(prefix), yaml);
  }

  /** The real path of the longest existing ancestor, plus the rest (which may be gone now). */
  private static Path realPath(Path absolute) {
    Path existing = absolute.normalize();
    Path rest = existing.getFileSystem().getPath("");
    while (existing != null && !Files.exists(existing)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    try {
      return existing == null ? absolute.normalize() : existing.toRealPath().resolve(rest);
    } catch (IOException e) {
      return absolute.normalize();
    }
  }
}
