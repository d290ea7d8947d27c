package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    DeclarationFiles.Read read = DeclarationFiles.under(paths);
    return load(read.texts(), read.problems(), read.order());
  }

  /** Loads files given as text (display name → content), e.g. read from a git ref; same checks. */
  public static LoadResult loadTexts(Map<String, String> files) {
    return load(files, List.of(), List.copyOf(files.keySet()));
  }

  private static LoadResult load(
      Map<String, String> files, List<Diagnostic> unread, List<String> order) {
    Findings findings = new Findings();
    findings.addAll(unread);
    List<ReadDocument> documents = new ArrayList<>();
    // Parsing is most of a large load and each file parses alone: in parallel, kept in file order.
    List<YamlTreeReader.Result> results =
        files.entrySet().parallelStream()
            .map(file -> YamlTreeReader.read(file.getKey(), file.getValue()))
            .toList();
    for (YamlTreeReader.Result parsed : results) {
      findings.addAll(parsed.diagnostics());
      for (ParsedDocument document : parsed.documents()) {
        DeclarationReader.read(document, findings)
            .ifPresentOrElse(
                d -> documents.add(new ReadDocument(d, document)),
                () -> DeclarationChecks.checkUnidentified(document, findings));
      }
    }
    DeclarationChecks.check(documents, findings);
    List<Declaration> declarations = documents.stream().map(ReadDocument::declaration).toList();
    return new LoadResult(declarations, findings.sorted(order));
  }
}
