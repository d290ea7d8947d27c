package io.posthoggitops.cli;

import io.posthoggitops.apply.ApplyProcess;
import io.posthoggitops.apply.ApplyProcess.Result;
import io.posthoggitops.apply.Interruption;
import io.posthoggitops.apply.StalePlanCheck;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.git.GitRepo;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.planfile.PlanFiles;
import io.posthoggitops.render.EnvironmentPlansView;
import io.posthoggitops.render.PlanTextView;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make the planned changes in PostHog: POST, PATCH and soft delete, in plan order.",
      "Without --approve it only shows the plan and writes nothing."
    },
    footer = {
      "",
      "Exit codes: 0 applied (or no changes), 1 error or partial apply, 3 changes not approved,",
      "4 saved plan is stale (nothing written), 5 applied what could be applied and changes",
      "await approval in PostHog, 64 usage error.",
      "Example: posthog-gitops apply --plan plan.json --approve"
    })
public class ApplyCommand implements Callable<Integer> {

  @Inject ProcessEnvironment environment;
  @ParentCommand PosthogGitopsCommand parent;
  @Spec CommandSpec spec;
  @Mixin PlanningOptions planning;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description = "Apply this saved plan (plan --out FILE); PATH is not read.")
  Path planFile;

  @Option(
      names = "--approve",
      description = "Write to PostHog. Without it, apply shows the plan and writes nothing.")
  boolean approve;

  @Option(
      names = "--annotate",
      description =
          "Add a PostHog annotation after an apply that changed something (as annotate: true in the config file).")
  boolean annotate;

  @Option(
      names = "--all-envs",
      description =
          "Apply every environment of the config file in its order; stop at the first that fails.")
  boolean allEnvs;

  @Override
  public Integer call() {
    GlobalOptions global = parent.global;
    ProjectConfig config = planning.loadConfig(global, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Interruption interruption = new Interruption();
    if (approve) {
      SignalTrap.install(interruption, err);
    }
    Result result;
    if (allEnvs) {
      AllEnvironments.refuse(
          planFile != null, "--plan", "apply each saved plan with its own --plan FILE");
      result = applyAll(global, config, interruption);
    } else if (planFile != null) {
      Plan plan = readSavedPlan();
      GlobalOptions target = SavedPlanEnvironment.target(global, config, plan, planFile);
      ApplyProcess process =
          new ApplyProcess(
              connect(target, config).api(), out, err, Clock.systemUTC(), interruption);
      result =
          process.applySaved(
              plan,
              planFile.toString(),
              settings(config, plan),
              this::view,
              StalePlanCheck.withPlannerFingerprints());
    } else {
      result = applyFresh(global, config, interruption, plan -> {});
    }
    return result == Result.INTERRUPTED
        ? SignalTrap.exitCode(interruption.requested().orElse("SIGINT"))
        : exitCode(result);
  }

  /**
   * Plans PATH afresh and applies it; {@code planned} is told the plan first (to head an
   * environment's output with its project).
   */
  private Result applyFresh(
      GlobalOptions global,
      ProjectConfig config,
      Interruption interruption,
      Consumer<Plan> planned) {
    PrintWriter err = spec.commandLine().getErr();
    LiveConnection.Opened[] opened = new LiveConnection.Opened[1];
    Plan plan =
        PlanPipeline.planned(
                global, planning, config, () -> opened[0] = connect(global, config), null, err)
            .plan();
    planned.accept(plan);
    err.print(PlanTextView.warnings(plan));
    ApplyProcess process =
        new ApplyProcess(
            opened[0].api(), spec.commandLine().getOut(), err, Clock.systemUTC(), interruption);
    return process.applyFresh(plan, settings(config, plan), this::view);
  }

  /**
   * Each environment in the configured order, planned and applied before the next is read; the
   * first that fails, is stale, is interrupted or leaves changes awaiting approval stops the rest.
   */
  private Result applyAll(GlobalOptions global, ProjectConfig config, Interruption interruption) {
    List<String> names = AllEnvironments.names(config, global, "apply");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Result overall = Result.NO_CHANGES;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Consumer<Plan> heading =
          plan -> {
            out.println(EnvironmentPlansView.banner(name, plan));
            out.flush();
          };
      Result result =
          AllEnvironments.in(
              name, () -> applyFresh(global.forEnvironment(name), config, interruption, heading));
      out.println();
      out.flush();
      if (!ENDED_WELL.contains(result)) {
        err.println(AllEnvironments.stopped(name, result, names.subList(i + 1, names.size())));
        err.flush();
        return result;
      }
      if (result == Result.NOT_APPROVED || overall == Result.NO_CHANGES) {
        overall = result; // one not approved makes the whole not approved
      }
    }
    return overall;
  }

  private static final Set<Result> ENDED_WELL =
      EnumSet.of(Result.NO_CHANGES, Result.APPLIED, Result.NOT_APPROVED);

  /** Opened only once the declarations are valid: an invalid file costs no request. */
  private LiveConnection.Opened connect(GlobalOptions global, ProjectConfig config) {
    return LiveConnection.open(global, config, environment::get);
  }

  private static int exitCode(Result result) {
    return switch (result) {
      case NO_CHANGES, APPLIED, ALREADY_APPLIED -> ExitCode.OK;
      case NOT_APPROVED -> ExitCode.NOT_APPROVED;
      case STALE_PLAN -> ExitCode.STALE_PLAN;
      case FAILED, EDITED_PLAN, INTERRUPTED -> ExitCode.ERROR;
      case AWAITING_APPROVAL -> ExitCode.AWAITING_APPROVAL;
    };
  }

  private String view(Plan plan) {
    return PlanTextView.render(plan, ChangeDiffs.of(plan), TerminalColour.wanted(environment::get));
  }

  private ApplyProcess.Settings settings(ProjectConfig config, Plan plan) {
    return new ApplyProcess.Settings(
        approve, approveCommand(), annotate || config.annotate(), commit(plan));
  }

  /** The commit the plan was made from; else the one the work tree is on. */
  private String commit(Plan plan) {
    if (plan.metadata().gitCommit() != null) {
      return plan.metadata().gitCommit();
    }
    Path where = planFile != null ? Path.of(".") : planning.paths().get(0);
    return GitRepo.head(where.toAbsolutePath()).map(GitRepo.Head::commit).orElse(null);
  }

  /** This very command line with {@code --approve} added, quoted for a POSIX shell. */
  private String approveCommand() {
    return "posthog-gitops "
        + spec.commandLine().getParseResult().originalArgs().stream()
            .map(ApplyCommand::shellQuoted)
            .collect(Collectors.joining(" "))
        + " --approve";
  }

  private static String shellQuoted(String arg) {
    return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /**
   * How to make the saved plan. Never {@code plan --out} onto a YAML name: the user meant their
   * declarations, and that command would overwrite them (docs/commands/apply.md).
   */
  private String makeOne() {
    String name = String.valueOf(planFile.getFileName());
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return "--plan takes the JSON file plan --out wrote, not YAML declarations. To apply"
          + " declarations, give them as PATH: posthog-gitops apply "
          + shellQuoted(planFile.toString())
          + "; to save a plan first: posthog-gitops plan --out NEW-FILE";
    }
    return "check the path, or make it with posthog-gitops plan --out "
        + shellQuoted(planFile.toString());
  }

  private Plan readSavedPlan() {
    if (!planning.paths.isEmpty()
        || planning.base() != null
        || planning.prune()
        || !planning.targets().isEmpty()) {
      throw new UserError(
          "--plan "
              + planFile
              + " is the whole input: PATH, --base, --prune and --target cannot be combined with it. Drop them, or plan again with them.",
          ExitCode.USAGE);
    }
    try {
      return PlanFiles.read(PlanFiles.readText(planFile), planFile.toString());
    } catch (NoSuchFileException e) {
      throw new UserError("the saved plan " + planFile + " does not exist; " + makeOne() + ".");
    } catch (IOException e) {
      throw new UserError(
          "cannot read the saved plan "
              + planFile
              + ": "
              + e.getMessage()
              + "; check that the file is readable.");
    }
  }
}
