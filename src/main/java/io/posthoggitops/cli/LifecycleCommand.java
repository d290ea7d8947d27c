package io.posthoggitops.cli;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.lifecycle.LifecycleRun;
import io.posthoggitops.model.UserError;
import io.posthoggitops.render.LifecycleJson;
import io.posthoggitops.render.LifecycleView;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "lifecycle",
    mixinStandardHelpOptions = true,
    description = {
      "List declared flags that are dead, fully rolled out or inactive, from PostHog's usage.",
      "With --code, also declared flags no code names and keys code evaluates that none declares.",
      "Nothing is written to PostHog."
    },
    footer = {
      "",
      "Exit codes: 0 success (found or not), 2 something found with --detailed-exitcode,",
      "1 error (invalid YAML, API or network), 64 usage error.",
      "Example: posthog-gitops lifecycle posthog --code src"
    })
public class LifecycleCommand implements Callable<Integer> {

  static final int MAX_DAYS = 3650;

  @Inject ProcessEnvironment environment;
  @ParentCommand PosthogGitopsCommand parent;
  @Spec CommandSpec spec;

  /** What "now" is, so the periods judged can be tested. */
  Clock clock = Clock.systemUTC();

  @Parameters(paramLabel = "PATH", description = "YAML files or directories (default: .).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "The period judged, in days (default 30).")
  int days = 30;

  @Option(
      names = "--code",
      paramLabel = "DIR",
      description = "Also scan the source files under DIR for flag keys.")
  Path code;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = PlanCommand.FormatConverter.class,
      description = "text (default), markdown or json.")
  PlanCommand.Format format = PlanCommand.Format.TEXT;

  @Option(names = "--detailed-exitcode", description = "Exit 2 when something is found.")
  boolean detailedExitCode;

  @Override
  public Integer call() {
    if (days < 1 || days > MAX_DAYS) {
      throw new UserError(
          "--days " + days + " is out of range; give a number of days from 1 to " + MAX_DAYS + ".",
          ExitCode.USAGE);
    }
    GlobalOptions global = parent.global;
    PrintWriter err = spec.commandLine().getErr();
    ProjectConfig config = ConfigFile.load(global, err);
    LoadResult loaded = DeclarationLoader.load(paths.isEmpty() ? List.of(Path.of(".")) : paths);
    PlanPipeline.failOnErrors(loaded, "in declarations", err);
    LiveConnection.Opened opened = LiveConnection.open(global, config, environment::get);
    LifecycleRun.Result result =
        LifecycleRun.run(
            loaded.declarations(),
            opened.api(),
            opened.apiUrl(),
            id -> LiveConnection.advisory(global, config, environment::get, id),
            code,
            clock.instant(),
            days);
    result.warning().ifPresent(w -> err.println("warning: " + w));
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case TEXT -> LifecycleView.text(result.origin(), result.report());
          case MARKDOWN -> LifecycleView.markdown(result.origin(), result.report());
          case JSON -> LifecycleJson.render(result.origin(), result.report());
        });
    out.flush();
    return detailedExitCode && result.report().foundAnything() ? ExitCode.FOUND : ExitCode.OK;
  }
}
