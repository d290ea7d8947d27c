package io.posthoggitops.cli;

import io.posthoggitops.model.Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to plan: shared by {@code plan} and {@code apply}. */
public class PlanningOptions {

  @Parameters(paramLabel = "PATH", description = "YAML files or directories (default: .).")
  List<Path> paths = new ArrayList<>();

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

  public List<Path> paths() {
    return paths.isEmpty() ? List.of(Path.of(".")) : paths;
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
