package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.config.SchemaCheck;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.OwnedObjects;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanInput;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.plan.PlanResult;
import io.posthoggitops.plan.Planner;
import io.posthoggitops.render.ExportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real-world shape PostHog holds (SDK fixtures, PostHog's API tests, the Terraform provider's
 * examples; ../shared/real-corpus) survives adoption: export writes it, the files pass validation
 * and the JSON Schema, a plan of them shows no changes, and applying them to an empty project
 * recreates what plans clean again. The corpus comes from other public projects, so it is read from
 * beside the clone, never copied into the repository.
 */
class RealCorpusTest {

  private static final Path CORPUS = Path.of("..", "shared", "real-corpus", "live");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> LISTS =
      Map.of(
          "actions", "actions.list.json",
          "cohorts", "cohorts.list.json",
          "feature_flags", "feature_flags.list.json",
          "experiments", "experiments.retrieve.json",
          "dashboards", "dashboards.retrieve.json");

  @BeforeEach
  void corpusIsBesideTheClone() {
    assumeTrue(
        Files.isDirectory(CORPUS),
        "the real-world corpus is not at "
            + CORPUS.toAbsolutePath().normalize()
            + ": it comes from other public projects and is kept beside the repository, not in it"
            + " (CI has it; a fresh clone does not), so this check is skipped here");
  }

  /** PostHog as the corpus captured it: the list shapes, and the retrieve shapes where richer. */
  private static FakePostHog corpusProject() throws IOException {
    FakePostHog api = new FakePostHog();
    for (Map.Entry<String, String> list : LISTS.entrySet()) {
      JsonNode answer = JSON.readTree(CORPUS.resolve(list.getValue()).toFile());
      JsonNode items = answer.isArray() ? answer : answer.path("results");
      items.forEach(item -> api.add(list.getKey(), (ObjectNode) item.deepCopy()));
    }
    return api;
  }

  private static PlanResult plan(LiveState live, List<Declaration> declarations) {
    PlanMetadata metadata =
        new PlanMetadata(1, "test", "http://fake", 4242, "Acme Web", null, false, null);
    return Planner.plan(
        new PlanInput(declarations, live, List.of(), null, false, List.of(), List.of(), metadata));
  }

  /** Each change as {@code KIND/IDENTITY} and its diff, so a failure shows what differs. */
  private static List<String> changes(Plan plan) {
    List<String> lines = new ArrayList<>();
    var diffs = ChangeDiffs.of(plan);
    for (int i = 0; i < plan.changes().size(); i++) {
      Change change = plan.changes().get(i);
      lines.add(change.action().word() + " " + change.address() + "\n" + diffs.get(i).text());
    }
    return lines;
  }

  private static List<String> errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
  }

  @Test
  void everyObjectIsExportedToFilesThatValidateAndPlanWithoutChanges(@TempDir Path dir)
      throws IOException {
    LiveState live = LiveStateReader.read(corpusProject(), "http://fake");
    OwnedObjects owned = OwnedObjects.of(live);
    long objects =
        Kinds.all().stream().flatMap(k -> live.of(k).stream()).filter(o -> !owned.owns(o)).count();

    List<Path> files = ExportWriter.write(live, Set.copyOf(Kinds.all()), dir);
    LoadResult loaded = DeclarationLoader.load(List.of(dir));
    List<String> schema = new ArrayList<>();
    for (Path file : files) {
      for (JsonNode document : SchemaCheck.documents(Files.readString(dir.resolve(file)))) {
        SchemaCheck.errors(document).forEach(e -> schema.add(file + ": " + e));
      }
    }

    assertThat(files).as("one file per object").hasSize((int) objects);
    assertThat(errors(loaded.diagnostics())).as("validate of the export").isEmpty();
    assertThat(schema).as("the JSON Schema on the export").isEmpty();
    PlanResult result = plan(live, loaded.declarations());
    assertThat(errors(result.diagnostics())).as("plan of the export").isEmpty();
    assertThat(changes(result.plan())).as("plan of the export against the corpus").isEmpty();
  }

  @Test
  void theExportAppliedToAnEmptyProjectPlansWithoutChanges(@TempDir Path dir) throws IOException {
    ExportWriter.write(
        LiveStateReader.read(corpusProject(), "http://fake"), Set.copyOf(Kinds.all()), dir);
    List<Declaration> declarations = DeclarationLoader.load(List.of(dir)).declarations();
    FakePostHog empty = new FakePostHog();
    StringWriter out = new StringWriter();

    Plan plan = plan(LiveStateReader.read(empty, "http://fake"), declarations).plan();
    ApplyReport report =
        new ApplyRun(empty, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
            .run(plan);

    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
    PlanResult again = plan(LiveStateReader.read(empty, "http://fake"), declarations);
    assertThat(errors(again.diagnostics())).isEmpty();
    assertThat(changes(again.plan())).as("plan after applying the export").isEmpty();
  }
}
