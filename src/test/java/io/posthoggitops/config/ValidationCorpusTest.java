package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per check: each folder of {@code src/test/resources/validation/} holds YAML files and
 * {@code expected.txt}, the exact {@code FILE:LINE:COLUMN: message} lines validation must print
 * ({@code {kinds}} for the list of kinds), checked in every environment {@code environments.txt}
 * names, if any. A new case is a new folder.
 */
class ValidationCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/validation");

  /** Stands in {@code expected.txt} for the list of kinds, so a new kind changes no case. */
  private static final String KINDS = "{kinds}";

  static Stream<String> cases() throws IOException {
    try (Stream<Path> folders = Files.list(CORPUS)) {
      return folders
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedProblemsAtTheirPositions(String name) throws IOException {
    Path folder = CORPUS.resolve(name);
    List<String> expected =
        Files.readAllLines(folder.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank())
            .map(line -> line.replace(KINDS, Kinds.names()))
            .toList();

    List<String> actual =
        DeclarationLoader.validateTexts(yamlFilesOf(folder), environmentsOf(folder))
            .diagnostics()
            .stream()
            .map(Diagnostic::format)
            .toList();

    assertThat(actual).containsExactlyElementsOf(expected);
  }

  /** The config file's environments for the case: {@code environments.txt}, one name a line. */
  private static List<String> environmentsOf(Path folder) throws IOException {
    Path names = folder.resolve("environments.txt");
    return Files.exists(names)
        ? Files.readAllLines(names).stream().filter(l -> !l.isBlank()).toList()
        : List.of();
  }

  private static Map<String, String> yamlFilesOf(Path folder) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
