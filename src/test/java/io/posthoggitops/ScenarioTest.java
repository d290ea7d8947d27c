package io.posthoggitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.live.Snapshots;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.PlanInput;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.plan.PlanResult;
import io.posthoggitops.plan.Planner;
import io.posthoggitops.render.PlanTextView;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario folders {@code src/test/resources/scenarios/<case>/}: {@code desired/} (YAML), {@code
 * live.json} (a snapshot), optional {@code options.properties} ({@code prune}, {@code
 * prune.ignore}, {@code target}: comma-separated; {@code base}: the ref name), optional {@code
 * base/} (the YAML at that ref) and {@code expected-plan.txt}, the text plan (or
 * the diagnostics) that {@code plan} prints. A new case is a new folder; run with {@code
 * -Dscenarios.update=true} to write the expected files after a deliberate change, then review them.
 */
class ScenarioTest {
  private static final Path ROOT = Path.of("src/test/resources/scenarios");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plansTheScenarioAsExpected(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    String actual = planText(dir);
    Path expected = dir.resolve("expected-plan.txt");
    if (Boolean.getBoolean("scenarios.update")) {
      Files.writeString(expected, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(expected));
  }

  private static String planText(Path dir) throws IOException {
    LoadResult loaded = DeclarationLoader.loadTexts(texts(dir.resolve("desired")));
    LiveState live = Snapshots.read(dir.resolve("live.json"));
    Properties options = options(dir.resolve("options.properties"));
    Path base = dir.resolve("base");
    List<Declaration> atBase = Files.isDirectory(base) ? DeclarationLoader.loadTexts(texts(base)).declarations() : List.of();
    PlanInput input = new PlanInput(loaded.declarations(), live, atBase, options.getProperty("base"),
        Boolean.parseBoolean(options.getProperty("prune")), list(options, "prune.ignore"), list(options, "target"),
        new PlanMetadata(1, "test", live.apiUrl(), live.projectId(), live.projectName(), null, false, null));
    List<Diagnostic> loadErrors = loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!loadErrors.isEmpty()) {
      return lines(loadErrors);
    }
    PlanResult result = Planner.plan(input);
    if (result.hasErrors()) {
      return lines(result.diagnostics());
    }
    return PlanTextView.warnings(result.plan()) + PlanTextView.render(result.plan(), false);
  }

  private static String lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n", "", "\n"));
  }

  private static Map<String, String> texts(Path desired) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> files = Files.walk(desired)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        texts.put(desired.relativize(f).toString(), Files.readString(f));
      }
    }
    return texts;
  }

  private static Properties options(Path file) throws IOException {
    Properties options = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        options.load(in);
      }
    }
    return options;
  }

  private static List<String> list(Properties options, String key) {
    String value = options.getProperty(key, "").trim();
    return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
  }
}
