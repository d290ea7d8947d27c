package io.posthoggitops.cli;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.model.Diagnostic;
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
      "Check YAML declarations offline: syntax, duplicate keys, unknown fields,",
      "types, flag and variant keys, rollout sums, payloads, references, cycles",
      "and duplicate identities, in every environment of the config file.",
      "Every problem goes to stderr as FILE:LINE:COLUMN: message; nothing",
      "touches the network."
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
          "YAML files or folders (searched recursively for *.yaml and *.yml). Default: the current folder.")
  List<Path> paths;

  @ParentCommand PosthogGitopsCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    // Every environment of the config file is checked as it sees the documents.
    List<String> environments =
        List.copyOf(ConfigFile.load(parent.global, err).environments().keySet());
    LoadResult result =
        DeclarationLoader.validate(
            paths == null || paths.isEmpty() ? List.of(Path.of(".")) : paths, environments);
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
      String valid = plural(documents, "document") + " valid";
      return diagnostics.isEmpty()
          ? valid + "."
          : valid + ", " + plural(diagnostics.size(), "warning") + ".";
    }

    static String failed(List<Diagnostic> diagnostics) {
      long errors = diagnostics.stream().filter(Diagnostic::isError).count();
      long warnings = diagnostics.size() - errors;
      long files = diagnostics.stream().map(d -> d.location().file()).distinct().count();
      return plural(errors, "error")
          + (warnings > 0 ? ", " + plural(warnings, "warning") : "")
          + " in "
          + plural(files, "file")
          + ".";
    }

    private static String plural(long count, String noun) {
      return count + " " + noun + (count == 1 ? "" : "s");
    }
  }
}
