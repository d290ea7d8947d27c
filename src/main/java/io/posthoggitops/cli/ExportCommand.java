package io.posthoggitops.cli;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.live.Snapshots;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.render.Counted;
import io.posthoggitops.render.EnvironmentExport;
import io.posthoggitops.render.ExportWriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the live PostHog state as YAML declarations and/or a snapshot.",
      "YAML goes to one file per resource under DIR/<kind>/<name>.yaml; a snapshot (raw JSON of"
          + " every kind) is for 'plan --snapshot'. Live state is read once. YAML is written"
          + " unless only --snapshot-out is given; the files written are listed on stdout.",
      "With --env NAME into a folder of declarations, only what that environment holds differently"
          + " is written, as environments: overrides and only:."
    })
public class ExportCommand implements Callable<Integer> {

  static final Path DEFAULT_OUT = Path.of("posthog");

  @Inject ProcessEnvironment environment;
  @ParentCommand PosthogGitopsCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the YAML files (default: posthog).")
  Path out;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "Export only this kind (repeatable, any case), e.g. FeatureFlag. The snapshot always holds every kind.")
  List<String> kinds = new ArrayList<>();

  @Option(
      names = "--snapshot-out",
      paramLabel = "FILE",
      description = "Also write the raw live state as a snapshot file (JSON).")
  Path snapshotOut;

  @Override
  public Integer call() {
    Set<Kind> selected = selectedKinds();
    GlobalOptions global = parent.global;
    ProjectConfig config = ConfigFile.load(global, spec.commandLine().getErr());
    LiveConnection.Opened opened = LiveConnection.open(global, config, environment::get);
    LiveState state = LiveStateReader.read(opened.api(), opened.apiUrl());
    if (snapshotOut != null) {
      Snapshots.write(state, snapshotOut);
      spec.commandLine()
          .getErr()
          .println(
              "Wrote snapshot "
                  + snapshotOut
                  + " ("
                  + Counted.of(objectCount(state), "object")
                  + ").");
    }
    if (out != null || snapshotOut == null) {
      Path dir = out != null ? out : DEFAULT_OUT;
      if (global.env() != null && holdsYaml(dir)) {
        return exportDifferences(global, config, state, selected, dir);
      }
      List<Path> written = ExportWriter.write(state, selected, dir);
      written.forEach(file -> spec.commandLine().getOut().println(dir.resolve(file)));
      warnLeftOver(ExportWriter.leftOver(dir, selected, written), dir);
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /**
   * {@code --env NAME} into a folder of declarations: only what this environment's project holds
   * differently is written, as {@code environments:} overrides and {@code only:}
   * (docs/format/environments.md).
   */
  private int exportDifferences(
      GlobalOptions global, ProjectConfig config, LiveState state, Set<Kind> selected, Path dir) {
    var err = spec.commandLine().getErr();
    List<String> names = List.copyOf(config.environments().keySet());
    PlanningOptions planning = new PlanningOptions();
    planning.paths = List.of(dir);
    Plan plan = PlanPipeline.run(global, planning, config, state, err);
    List<Declaration> declared =
        DeclarationLoader.load(List.of(dir), names, global.env()).declarations();
    EnvironmentExport.Result result =
        EnvironmentExport.write(plan, declared, state, global.env(), names, selected, dir);
    result.written().forEach(spec.commandLine().getOut()::println);
    spec.commandLine().getOut().flush();
    result.byHand().forEach(line -> err.println("warning: " + line));
    err.println(
        (result.written().isEmpty()
                ? "No differences: the declarations in " + dir + " already describe environment "
                : "Wrote the differences of environment ")
            + global.env()
            + (result.written().isEmpty() ? "." : " into " + dir + ".")
            + " Check every environment with: posthog-gitops plan --all-envs "
            + dir);
    err.flush();
    return ExitCode.OK;
  }

  private static boolean holdsYaml(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"));
    } catch (IOException e) {
      throw new UserError(
          "cannot read "
              + dir
              + ": "
              + e.getMessage()
              + "; check that the --out folder is readable.");
    }
  }

  private void warnLeftOver(List<Path> leftOver, Path dir) {
    if (leftOver.isEmpty()) {
      return;
    }
    var err = spec.commandLine().getErr();
    err.printf(
        "warning: %s under %s %s not written by this export: their objects are gone from"
            + " PostHog or renamed, and plan would create them again. Delete them before committing:%n",
        Counted.of(leftOver.size(), "file"), dir, leftOver.size() == 1 ? "was" : "were");
    leftOver.forEach(f -> err.println("  " + dir.resolve(f)));
  }

  private Set<Kind> selectedKinds() {
    if (kinds.isEmpty()) {
      return new LinkedHashSet<>(Kinds.all());
    }
    Set<Kind> selected = new LinkedHashSet<>();
    for (String name : kinds) {
      selected.add(
          Kinds.namedIgnoringCase(name)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "unknown kind '"
                              + name
                              + "' for --kind; valid kinds: "
                              + Kinds.names())));
    }
    return selected;
  }

  private static int objectCount(LiveState state) {
    return Kinds.all().stream().mapToInt(k -> state.of(k).size()).sum();
  }
}
