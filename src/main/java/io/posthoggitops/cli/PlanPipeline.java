package io.posthoggitops.cli;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.git.GitRepo;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.live.Snapshots;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveKey;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanInput;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.plan.PlanResult;
import io.posthoggitops.plan.Planner;
import io.posthoggitops.planfile.PlanFile;
import io.posthoggitops.render.Counted;
import io.posthoggitops.render.DiagnosticsView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The path from options to a plan, shared by {@code plan} and {@code apply}: load and validate the
 * declarations (no request if invalid), read {@code --base} (offline too), read live state (API or
 * snapshot), plan. Problems are printed as diagnostics and end in a UserError.
 */
public final class PlanPipeline {

  private PlanPipeline() {}

  /** A plan and the live state it was made against. */
  public record Planned(Plan plan, LiveState live) {}

  /**
   * Plans against {@code snapshot}, or else the API, opened only once the declarations (and {@code
   * --base}) have been read and found valid, so an invalid file never costs a request or a
   * missing-key error; the live state is kept (impact reads the raw live objects).
   */
  public static Planned planned(
      GlobalOptions global,
      PlanningOptions options,
      ProjectConfig config,
      Supplier<LiveConnection.Opened> api,
      Path snapshot,
      PrintWriter err) {
    config.environment(global.env()); // an unknown --env is refused before anything is read
    Declarations declared = declarations(options, config, global.env(), err);
    LiveState live = snapshot != null ? Snapshots.read(snapshot) : read(api.get());
    String origin = snapshot != null ? "snapshot:" + snapshot : live.apiUrl();
    return new Planned(plan(global, options, config, declared, live, origin, err), live);
  }

  /** Plans against already-read live state (used by apply for re-planning). */
  public static Plan run(
      GlobalOptions global, PlanningOptions options, ProjectConfig config, LiveState live) {
    return run(global, options, config, live, stderr());
  }

  /** Plans against already-read live state, problems printed to {@code err}. */
  static Plan run(
      GlobalOptions global,
      PlanningOptions options,
      ProjectConfig config,
      LiveState live,
      PrintWriter err) {
    Declarations declared = declarations(options, config, global.env(), err);
    return plan(global, options, config, declared, live, live.apiUrl(), err);
  }

  private static LiveState read(LiveConnection.Opened opened) {
    return LiveStateReader.read(opened.api(), opened.apiUrl());
  }

  /**
   * The documents under PATH, those at {@code --base} that are gone now, and the files that hold
   * documents in any environment.
   */
  private record Declarations(
      List<Declaration> current, List<Declaration> removed, List<String> files) {}

  /** The documents as environment {@code env} (or none) sees them (docs/format/environments.md). */
  private static Declarations declarations(
      PlanningOptions options, ProjectConfig config, String env, PrintWriter err) {
    Declarations declared = declarationsOrNone(options, config, env, err);
    for (Path path : options.paths()) {
      // A document only: another environment holds still makes the PATH one of declarations.
      if (Stream.concat(
              declared.files().stream(), declared.removed().stream().map(d -> d.location().file()))
          .noneMatch(file -> isUnder(file, path))) {
        throw new UserError(noDeclarations(path, options));
      }
    }
    return declared;
  }

  /**
   * A PATH that holds nothing to plan is a mistake (a mistyped folder), never "No changes"
   * (docs/commands/plan.md).
   */
  private static String noDeclarations(Path path, PlanningOptions options) {
    String where = options.pathsGiven() ? "" : " (the default PATH, from posthog-gitops.yaml)";
    return "no YAML declarations under "
        + path
        + where
        + "; nothing was requested. Give the folder or files that hold them as PATH"
        + (options.pathsGiven() ? "" : ", or set paths: in the config file")
        + "; to start from what PostHog holds, run posthog-gitops export --out NEW-FOLDER.";
  }

  private static boolean isUnder(String name, Path path) {
    Path file = Path.of(name).toAbsolutePath().normalize();
    return file.startsWith(path.toAbsolutePath().normalize());
  }

  private static Declarations declarationsOrNone(
      PlanningOptions options, ProjectConfig config, String env, PrintWriter err) {
    List<String> environments = List.copyOf(config.environments().keySet());
    LoadResult loaded = DeclarationLoader.load(options.paths(), environments, env);
    failOnErrors(loaded, "in declarations", err);
    if (options.base() == null) {
      return new Declarations(loaded.declarations(), List.of(), loaded.files());
    }
    LoadResult atBase =
        DeclarationLoader.loadTexts(
            GitRepo.yamlFilesAt(options.base(), options.paths()), environments, env);
    if (atBase.hasErrors()) {
      // Warnings at the base ref were shown when it was current; errors block the deletes it
      // implies.
      failOnErrors(atBase, "in declarations at --base " + options.base(), err);
    }
    return new Declarations(
        loaded.declarations(),
        removedSince(atBase.declarations(), loaded.declarations()),
        loaded.files());
  }

  /** Documents at the base ref that nothing declares now, by identity or by pinned id. */
  static List<Declaration> removedSince(List<Declaration> atBase, List<Declaration> current) {
    Set<Address> addresses = current.stream().map(Declaration::address).collect(Collectors.toSet());
    Set<LiveKey> pinned =
        current.stream()
            .filter(d -> d.pinnedId() != null)
            .map(Declaration::pinnedKey)
            .collect(Collectors.toSet());
    return atBase.stream()
        .filter(d -> !d.tombstone())
        .filter(d -> !addresses.contains(d.address()))
        .filter(d -> d.pinnedId() == null || !pinned.contains(d.pinnedKey()))
        .toList();
  }

  static void failOnErrors(LoadResult loaded, String where, PrintWriter err) {
    long errors = DiagnosticsView.print(loaded.diagnostics(), err);
    if (errors > 0) {
      throw new UserError(
          "%s %s; nothing was requested.".formatted(Counted.of(errors, "error"), where));
    }
  }

  private static Plan plan(
      GlobalOptions global,
      PlanningOptions options,
      ProjectConfig config,
      Declarations declared,
      LiveState live,
      String origin,
      PrintWriter err) {
    PlanInput input =
        new PlanInput(
            declared.current(),
            live,
            declared.removed(),
            options.base(),
            options.prune(),
            config.pruneIgnore() == null ? List.of() : config.pruneIgnore(),
            options.targets(),
            metadata(global, options, live, origin));
    PlanResult result = Planner.plan(input);
    long errors = DiagnosticsView.print(result.diagnostics(), err);
    if (errors > 0) {
      throw new UserError(
          "%s while planning; nothing was written.".formatted(Counted.of(errors, "error")));
    }
    return result.plan();
  }

  private static PlanMetadata metadata(
      GlobalOptions global, PlanningOptions options, LiveState live, String origin) {
    Optional<GitRepo.Head> head = GitRepo.head(options.paths().get(0));
    return new PlanMetadata(
        PlanFile.FORMAT_VERSION,
        VersionProvider.version(),
        Objects.requireNonNullElse(origin, live.apiUrl()),
        live.projectId(),
        live.projectName(),
        head.map(GitRepo.Head::commit).orElse(null),
        head.map(GitRepo.Head::dirty).orElse(false),
        global.env());
  }

  private static PrintWriter stderr() {
    return new PrintWriter(System.err, true);
  }
}
