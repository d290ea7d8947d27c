package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and validates YAML declarations offline (docs/commands/validate.md). */
public final class DeclarationLoader {

  /** The config file's name; such files are settings, never resources. */
  public static final String CONFIG_FILE_NAME = "posthog-gitops.yaml";

  /** Folders below a PATH that hold build output, never declarations. */
  private static final Set<String> BUILD_OUTPUT = Set.of("target", "node_modules");

  private DeclarationLoader() {}

  /**
   * Whether a file or folder below a PATH is left unread: hidden ones ({@code .github/}, {@code
   * .pre-commit-config.yaml}) and build output ({@code target/}, {@code node_modules/}). Named as
   * PATH themselves, they are read (docs/commands/validate.md).
   */
  public static boolean skippedBelowPath(String name) {
    return name.startsWith(".") || BUILD_OUTPUT.contains(name);
  }

  /**
   * Loads every {@code *.yaml}/{@code *.yml} under the paths (files or directories, recursively;
   * files named {@code posthog-gitops.yaml} are skipped; see {@link DeclarationFiles}) and
   * validates them all.
   *
   * @throws UserError when a path does not exist or cannot be read
   */
  public static LoadResult load(List<Path> paths) {
    return load(paths, List.of(), null);
  }

  /** Loads files given as text (display name → content), e.g. read from a git ref; same checks. */
  public static LoadResult loadTexts(Map<String, String> files) {
    return loadTexts(files, List.of(), null);
  }

  /**
   * Loads the documents as environment {@code selected} sees them (docs/format/environments.md); a
   * problem inside that environment's override names the environment.
   *
   * @param environments the config file's environments, in order
   * @param selected the environment planned, or null for none
   */
  public static LoadResult load(List<Path> paths, List<String> environments, String selected) {
    return parse(files(paths)).as(environments, selected);
  }

  /** {@link #load(List, List, String)} for files given as text. */
  public static LoadResult loadTexts(
      Map<String, String> files, List<String> environments, String selected) {
    return parse(texts(files)).as(environments, selected);
  }

  /**
   * Checks the documents without an environment and as each environment sees them: a problem only
   * some environments have names them. The declarations are every document read, once.
   */
  public static LoadResult validate(List<Path> paths, List<String> environments) {
    return validate(parse(files(paths)), environments);
  }

  /** {@link #validate(List, List)} for files given as text. */
  static LoadResult validateTexts(Map<String, String> files, List<String> environments) {
    return validate(parse(texts(files)), environments);
  }

  private static LoadResult validate(Parsed parsed, List<String> environments) {
    View base = parsed.view(environments, null);
    Set<Diagnostic> everywhere = new HashSet<>(base.diagnostics());
    Map<SourceLocation, Declaration> declarations = new LinkedHashMap<>();
    base.declarations().forEach(d -> declarations.put(d.location(), d));
    Map<Diagnostic, List<String>> elsewhere = new LinkedHashMap<>();
    for (String environment : environments) {
      View view = parsed.view(environments, environment);
      view.declarations().forEach(d -> declarations.putIfAbsent(d.location(), d));
      view.diagnostics().stream()
          .filter(d -> !everywhere.contains(d))
          .forEach(d -> elsewhere.computeIfAbsent(d, k -> new ArrayList<>()).add(environment));
    }
    Findings findings = new Findings();
    findings.addAll(base.diagnostics());
    elsewhere.forEach((d, names) -> findings.addAll(List.of(named(d, names))));
    return new LoadResult(
        List.copyOf(declarations.values()), findings.sorted(parsed.read().order()));
  }

  private static DeclarationFiles.Read texts(Map<String, String> files) {
    return new DeclarationFiles.Read(files, List.of(), List.copyOf(files.keySet()));
  }

  private static DeclarationFiles.Read files(List<Path> paths) {
    return DeclarationFiles.under(paths);
  }

  private static Parsed parse(DeclarationFiles.Read read) {
    List<Diagnostic> problems = new ArrayList<>(read.problems());
    List<ParsedDocument> documents = new ArrayList<>();
    // Parsing is most of a large load and each file parses alone: in parallel, kept in file order.
    List<YamlTreeReader.Result> results =
        read.texts().entrySet().parallelStream()
            .map(file -> YamlTreeReader.read(file.getKey(), file.getValue()))
            .toList();
    for (YamlTreeReader.Result parsed : results) {
      problems.addAll(parsed.diagnostics());
      documents.addAll(parsed.documents());
    }
    return new Parsed(read, documents, problems);
  }

  /** What one environment sees, and where its overrides are written. */
  private record View(
      List<Declaration> declarations,
      List<Diagnostic> diagnostics,
      Set<SourceLocation> overridePositions) {}

  /** The files parsed once, to be checked as each environment sees them. */
  private record Parsed(
      DeclarationFiles.Read read, List<ParsedDocument> documents, List<Diagnostic> problems) {

    LoadResult as(List<String> environments, String selected) {
      View view = view(environments, selected);
      List<Diagnostic> diagnostics =
          view.diagnostics().stream()
              .map(
                  d ->
                      selected != null && view.overridePositions().contains(d.location())
                          ? named(d, List.of(selected))
                          : d)
              .toList();
      List<String> files = documents.stream().map(d -> d.start().file()).distinct().toList();
      return new LoadResult(view.declarations(), diagnostics, files);
    }

    View view(List<String> environments, String selected) {
      Findings findings = new Findings();
      findings.addAll(problems);
      List<ReadDocument> read = new ArrayList<>();
      Set<SourceLocation> overridden = new HashSet<>();
      for (ParsedDocument document : documents) {
        Optional<EnvironmentOverlay.View> seen =
            EnvironmentOverlay.view(document, environments, selected, findings);
        if (seen.isEmpty()) {
          continue;
        }
        overridden.addAll(seen.get().overridePositions());
        ParsedDocument merged = seen.get().document();
        DeclarationReader.read(merged, findings)
            .ifPresentOrElse(
                d -> read.add(new ReadDocument(d, merged)),
                () -> DeclarationChecks.checkUnidentified(merged, findings));
      }
      DeclarationChecks.check(read, findings);
      return new View(
          read.stream().map(ReadDocument::declaration).toList(),
          findings.sorted(this.read.order()),
          overridden);
    }
  }

  private static Diagnostic named(Diagnostic diagnostic, List<String> environments) {
    String prefix =
        (environments.size() == 1 ? "environment " : "environments ")
            + String.join(", ", environments)
            + ": ";
    return new Diagnostic(
        diagnostic.severity(), diagnostic.location(), prefix + diagnostic.message());
  }
}
