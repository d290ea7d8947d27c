package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads and validates YAML declarations offline (docs/commands/validate.md). */
public final class DeclarationLoader {

  /** The config file's name; such files are settings, never resources. */
  public static final String CONFIG_FILE_NAME = "posthog-gitops.yaml";

  private DeclarationLoader() {}

  /**
   * Loads every {@code *.yaml}/{@code *.yml} under the paths (files or directories, recursively;
   * files named {@code posthog-gitops.yaml} are skipped) and validates them all.
   *
   * @throws UserError when a path does not exist or cannot be read
   */
  public static LoadResult load(List<Path> paths) {
    List<Path> files = yamlFiles(paths);
    List<String> contents = files.parallelStream().map(DeclarationLoader::read).toList();
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      texts.put(files.get(i).toString(), contents.get(i));
    }
    return loadTexts(texts);
  }

  /** Loads files given as text (display name → content), e.g. read from a git ref; same checks. */
  public static LoadResult loadTexts(Map<String, String> files) {
    Findings findings = new Findings();
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
    return new LoadResult(declarations, findings.sorted(List.copyOf(files.keySet())));
  }

  /** The YAML files under the paths, each directory's files sorted by path for a stable order. */
  static List<Path> yamlFiles(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new UserError(
            path + ": no such file or directory; pass a YAML file or a folder of them.");
      }
      if (Files.isDirectory(path)) {
        files.addAll(filesUnder(path));
      } else if (!isConfigFile(path)) {
        files.add(path);
      }
    }
    return files.stream().distinct().toList();
  }

  private static List<Path> filesUnder(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.map(Path::normalize)
          .filter(Files::isRegularFile)
          .filter(DeclarationLoader::isYaml)
          .filter(p -> !isConfigFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UserError(directory + ": cannot list files (" + e.getMessage() + ").");
    }
  }

  private static boolean isYaml(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean isConfigFile(Path path) {
    return path.getFileName() != null && path.getFileName().toString().equals(CONFIG_FILE_NAME);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new UserError(
          SourceLocation.unknown(file.toString())
              + ": cannot read the file ("
              + e.getMessage()
              + ").");
    }
  }
}
