package io.posthoggitops.cli;

import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.planfile.PlanFiles;
import io.posthoggitops.render.EnvironmentPlansView;
import io.posthoggitops.render.PlanJsonView;
import io.posthoggitops.render.PlanMarkdownView;
import io.posthoggitops.render.PlanTextView;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the YAML, read the live PostHog state (or a snapshot) and show what apply would change.",
      "Nothing is written to PostHog."
    },
    footer = {
      "",
      "Exit codes: 0 success (changes or not), 2 changes (or a change a pending",
      "change request blocks) with --detailed-exitcode,",
      "1 error (invalid YAML, API or network), 64 usage error.",
      "Example: posthog-gitops plan examples/flags --snapshot examples/snapshot.json"
    })
public class PlanCommand implements Callable<Integer> {

  enum Format {
    TEXT,
    MARKDOWN,
    JSON
  }

  /**
   * Reads {@code text|markdown|json} in any case and names the choices in lower case when wrong.
   */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "expected text, markdown or json but was '" + value + "'");
      }
    }
  }

  @Inject ProcessEnvironment environment;
  @ParentCommand PosthogGitopsCommand parent;
  @Spec CommandSpec spec;
  @Mixin PlanningOptions planning;
  @Mixin ImpactOption impactOption;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also save the plan as JSON, for apply --plan FILE.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description =
          "text (default), markdown (a pull-request comment) or json (the saved-plan document).")
  Format format = Format.TEXT;

  @Option(
      names = "--detailed-exitcode",
      description =
          "Exit 2 when the plan has changes (0 when none; changes awaiting approval in PostHog count as none).")
  boolean detailedExitCode;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description =
          "Plan against a snapshot written by export --snapshot-out instead of the API (offline).")
  Path snapshot;

  @Option(
      names = "--all-envs",
      description =
          "Plan every environment of the config file, in its order: one section each, then a total.")
  boolean allEnvs;

  @Override
  public Integer call() {
    GlobalOptions global = parent.global;
    PrintWriter err = spec.commandLine().getErr();
    ProjectConfig config = planning.loadConfig(global, spec.commandLine().getErr());
    if (allEnvs) {
      return planAll(global, config, err);
    }
    EnvironmentPlansView.Section planned = section(global.env(), global, config, snapshot, err);
    err.flush();
    Plan plan = planned.plan();
    List<ResourceDiff> diffs = planned.diffs();
    Impact impact = planned.impact();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(view(plan, diffs, impact));
    if (out != null) {
      save(plan, diffs, impact);
      PrintWriter savedNote = format == Format.TEXT ? stdout : err;
      savedNote.println("Saved to " + out + ". Apply exactly this plan with:");
      savedNote.println("  posthog-gitops apply --plan " + out + " --approve");
      savedNote.flush();
    }
    stdout.flush();
    return detailedExitCode && plan.hasDrift() ? ExitCode.CHANGES : ExitCode.OK;
  }

  private int planAll(GlobalOptions global, ProjectConfig config, PrintWriter err) {
    List<String> names = AllEnvironments.names(config, global, "plan");
    AllEnvironments.refuse(out != null, "--out", "save one plan per environment with --env NAME");
    AllEnvironments.refuse(snapshot != null, "--snapshot", "a snapshot is of one project");
    AllEnvironments.refuse(
        format == Format.JSON, "--format json", "use --env NAME for one saved-plan document");
    List<EnvironmentPlansView.Section> sections = new ArrayList<>();
    for (String name : names) {
      GlobalOptions selected = global.forEnvironment(name);
      sections.add(AllEnvironments.in(name, () -> section(name, selected, config, null, err)));
    }
    err.flush();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(
        format == Format.TEXT
            ? EnvironmentPlansView.text(sections, colourWanted())
            : EnvironmentPlansView.markdown(sections));
    stdout.flush();
    boolean drift = sections.stream().anyMatch(s -> s.plan().hasDrift());
    return detailedExitCode && drift ? ExitCode.CHANGES : ExitCode.OK;
  }

  /**
   * The plan of one environment ({@code name}, null without environments) against {@code snapshot}
   * or the API, its diffs, and its impact when asked for; warnings go to {@code err}.
   */
  private EnvironmentPlansView.Section section(
      String name, GlobalOptions selected, ProjectConfig config, Path snapshot, PrintWriter err) {
    PlanPipeline.Planned planned =
        PlanPipeline.planned(
            selected,
            planning,
            config,
            () -> LiveConnection.open(selected, config, environment::get),
            snapshot,
            err);
    Plan plan = planned.plan();
    err.print(PlanTextView.warnings(plan));
    Impact impact =
        impactOption.estimate(
            config,
            planned,
            snapshot,
            () ->
                LiveConnection.advisory(
                    selected, config, environment::get, plan.metadata().projectId()),
            err);
    return new EnvironmentPlansView.Section(name, plan, ChangeDiffs.of(plan), impact);
  }

  private String view(Plan plan, List<ResourceDiff> diffs, Impact impact) {
    return switch (format) {
      case TEXT -> PlanTextView.render(plan, diffs, impact, colourWanted());
      case MARKDOWN -> PlanMarkdownView.render(plan, diffs, impact);
      case JSON -> PlanJsonView.render(plan, diffs, impact);
    };
  }

  /** Runs built without CDI (the offline scenario runner) have no environment bean: the JVM's. */
  private boolean colourWanted() {
    return TerminalColour.wanted(environment != null ? environment::get : System::getenv);
  }

  private void save(Plan plan, List<ResourceDiff> diffs, Impact impact) {
    try {
      Files.writeString(out, PlanFiles.write(plan, diffs, impact));
    } catch (IOException e) {
      throw new UserError(
          "cannot write the plan to "
              + out
              + ": "
              + e.getMessage()
              + "; check the folder exists and is writable.");
    }
  }
}
