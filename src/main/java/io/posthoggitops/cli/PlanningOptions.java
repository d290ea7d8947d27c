package io.posthoggitops.cli;

import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.model.Address;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to plan: shared by {@code plan} and {@code apply}. */
public class PlanningOptions {

  @Parameters(
      paramLabel = "PATH",
      description =
          "YAML files or folders (default: paths: of posthog-gitops.yaml, else its folder, else the current folder).")
  List<Path> paths = new ArrayList<>();

  /** The config file, whose PATHs are read when none is given; null until it is read. */
  private ProjectConfig config;

  @Option(
      names = "--base",
      paramLabel = "REF",
      description = "Plan deletes for documents present at git REF and gone now.")
  String base;

  @Option(
      names = "--prune",
      description =
          "Delete live objects of the declared kinds that nothing declares (minus prune.ignore).")
  boolean prune;

  @Option(
      names = "--target",
      converter = TargetConverter.class,
      paramLabel = "KIND/IDENTITY",
      description = "Limit the plan to these resources and what they reference (repeatable).")
  List<Address> targets = new ArrayList<>();

  /** The PATHs given, else the config file's (see {@link ProjectConfig#declarationPaths}). */
  public List<Path> paths() {
    if (!paths.isEmpty()) {
      return paths;
    }
    return config == null ? List.of(Path.of(".")) : config.declarationPaths(Path.of(""));
  }

  /** Whether the PATHs come from the command line rather than the config file. */
  boolean pathsGiven() {
    return !paths.isEmpty();
  }

  /** Reads the config file for these PATHs and takes its default PATHs. */
  ProjectConfig loadConfig(GlobalOptions global, PrintWriter err) {
    config = ConfigFile.load(global, paths, err);
    return config;
  }

  public String base() {
    return base;
  }

  public boolean prune() {
    return prune;
  }

  public List<Address> targets() {
    return targets;
  }
}
