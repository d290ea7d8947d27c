package io.posthoggitops.cli;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.render.Counted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check YAML declarations offline; nothing touches the network.",
      "Checks syntax, duplicate keys, unknown fields, types, flag and variant keys, rollout sums,"
          + " payloads, references, cycles and duplicate identities, in every environment of the config"
          + " file. Every problem goes to stderr as FILE:LINE:COLUMN: message."
    },
    footer = {
      "",
      "A reference to an object no file declares is a warning: it may exist in",
      "PostHog, and plan fails if it does not.",
      "Exit codes: 0 valid (warnings allowed), 1 any error, 64 usage error.",
      "Example: posthog-gitops validate flags/ cohorts/beta.yaml"
    })
public class ValidateCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "YAML files or folders, searched recursively for *.yaml and *.yml (default: as for plan).")
  List<Path> paths;

  @ParentCommand PosthogGitopsCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<Path> given = paths == null ? List.of() : paths;
    ProjectConfig config = ConfigFile.load(parent.global, given, err);
    List<Path> read = given.isEmpty() ? config.declarationPaths(Path.of("")) : given;
    // Every environment of the config file is checked as it sees the documents.
    LoadResult result =
        DeclarationLoader.validate(read, List.copyOf(config.environments().keySet()));
    result.diagnostics().forEach(d -> err.println(d.format()));
    err.flush();
    if (result.hasErrors()) {
      err.println(ValidationSummary.failed(result.diagnostics()));
      err.flush();
      return ExitCode.ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(ValidationSummary.passed(result.declarations().size(), result.diagnostics()));
    out.flush();
    return ExitCode.OK;
  }

  /** The one-line summary after the diagnostics. */
  static final class ValidationSummary {
    private ValidationSummary() {}

    static String passed(int documents, List<Diagnostic> diagnostics) {
      String valid = Counted.of(documents, "document") + " valid";
      return diagnostics.isEmpty()
          ? valid + "."
          : valid + ", " + Counted.of(diagnostics.size(), "warning") + ".";
    }

    static String failed(List<Diagnostic> diagnostics) {
      long errors = diagnostics.stream().filter(Diagnostic::isError).count();
      long warnings = diagnostics.size() - errors;
      long files = diagnostics.stream().map(d -> d.location().file()).distinct().count();
      return Counted.of(errors, "error")
          + (warnings > 0 ? ", " + Counted.of(warnings, "warning") : "")
          + " in "
          + Counted.of(files, "file")
          + ".";
    }
  }
}
