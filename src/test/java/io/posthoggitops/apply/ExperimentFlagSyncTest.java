package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment's flag as PostHog keeps it: a draft syncs its variants and conditions into the flag
 * on every write; a launched one only when the PATCH says {@code update_feature_flag_params}; reads
 * show the flag's values in {@code parameters} and {@code feature_flag}. Against that, a changed
 * variant name, rollout or condition of a running experiment converges.
 */
class ExperimentFlagSyncTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The flag of each experiment, kept apart from the experiment as PostHog keeps it. */
  private static final class ProjectingPostHog extends FakePostHog {
    private final Map<String, ObjectNode> flags = new HashMap<>();

    @Override
    public ObjectNode write(String method, String path, ObjectNode body) {
      String[] parts = path.split("/");
      boolean experiment = parts[0].equals("experiments");
      boolean draft =
          !experiment
              || parts.length == 1
              || find(parts[1]).path("start_date").isMissingNode()
              || find(parts[1]).path("start_date").isNull();
      boolean sync =
          experiment && (draft || body.path("update_feature_flag_params").asBoolean(false));
      ObjectNode answer = super.write(method, path, body);
      if (experiment && parts.length <= 2 && sync) {
        ObjectNode flag = flags.computeIfAbsent(answer.path("id").asText(), id -> newFlag());
        if (body.has("parameters")) {
          flag.set("variants", body.at("/parameters/feature_flag_variants").deepCopy());
        }
        if (body.at("/feature_flag/filters/groups").isArray()) {
          flag.set("groups", body.at("/feature_flag/filters/groups").deepCopy());
        }
      }
      return project(answer);
    }

    private static ObjectNode newFlag() {
      ObjectNode flag = JSON.objectNode();
      flag.putArray("groups").addObject().put("rollout_percentage", 100).putArray("properties");
      return flag;
    }

    private ObjectNode find(String id) {
      return all("experiments").stream()
          .filter(o -> o.path("id").asText().equals(id))
          .findFirst()
          .orElseThrow();
    }

    /** An experiment as read: its flag's variants in parameters, its flag nested. */
    private ObjectNode project(ObjectNode stored) {
      ObjectNode flag = flags.get(stored.path("id").asText());
      if (flag == null || !stored.has("feature_flag_key")) {
        return stored;
      }
      ObjectNode read = stored.deepCopy();
      read.remove("update_feature_flag_params");
      ArrayNode variants = (ArrayNode) flag.path("variants");
      read.withObject("parameters").set("feature_flag_variants", variants.deepCopy());
      ObjectNode nested = read.putObject("feature_flag");
      nested
          .put("id", 9000 + stored.path("id").asLong())
          .put("key", stored.path("feature_flag_key").asText());
      nested.putObject("filters").set("groups", flag.get("groups").deepCopy());
      nested
          .withObjectProperty("filters")
          .putObject("multivariate")
          .set("variants", variants.deepCopy());
      return read;
    }

    @Override
    public List<ObjectNode> list(Kind kind) {
      return super.list(kind).stream().map(this::project).toList();
    }
  }

  private static final String EXPERIMENT =
      """
      kind: Experiment
      name: Button colour
      feature_flag_key: button-colour
      status: running
      parameters:
        feature_flag_variants:
          - {key: control, name: %s, rollout_percentage: %d}
          - {key: %s, name: Green, rollout_percentage: %d}
      %s""";

  private static List<Declaration> declared(String yaml) {
    LoadResult loaded = DeclarationLoader.loadTexts(Map.of("experiment.yaml", yaml));
    assertThat(loaded.diagnostics()).isEmpty();
    return loaded.declarations();
  }

  private static String experiment(String controlName, int control, String test, String extra) {
    return EXPERIMENT.formatted(controlName, control, test, 100 - control, extra);
  }

  private static PlanResult plan(FakePostHog api, List<Declaration> declarations) {
    return Planner.plan(
        new PlanInput(
            declarations,
            LiveStateReader.read(api, "http://fake"),
            List.of(),
            null,
            false,
            List.of(),
            List.of(),
            new PlanMetadata(1, "test", "http://fake", 4242, "Acme Web", null, false, null)));
  }

  private static void apply(FakePostHog api, List<Declaration> declarations) {
    PlanResult result = plan(api, declarations);
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    Plan plan = result.plan();
    ApplyReport report =
        new ApplyRun(api, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
            .run(plan);
    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
  }

  @Test
  void renamedVariantsAndANewRolloutOfARunningExperimentConverge() {
    ProjectingPostHog api = new ProjectingPostHog();
    apply(api, declared(experiment("Blue", 50, "test", "")));

    List<Declaration> changed = declared(experiment("Blue button", 30, "test", ""));
    apply(api, changed);

    assertThat(api.writes).last().asString().contains("\"update_feature_flag_params\":true");
    assertThat(plan(api, changed).plan().hasChanges()).isFalse();
  }

  @Test
  void releaseConditionsDeclaredOnTheExperimentReachItsFlagAndConverge() {
    ProjectingPostHog api = new ProjectingPostHog();
    String conditions =
        """
        feature_flag:
          filters:
            groups:
              - properties:
                  - {type: person, key: email, operator: icontains, value: "@acme.example"}
                rollout_percentage: %d
        """;
    apply(api, declared(experiment("Blue", 50, "test", conditions.formatted(100))));
    assertThat(
            plan(api, declared(experiment("Blue", 50, "test", conditions.formatted(100))))
                .plan()
                .hasChanges())
        .isFalse();

    List<Declaration> widened = declared(experiment("Blue", 50, "test", conditions.formatted(40)));
    assertThat(plan(api, widened).plan().changes()).hasSize(1);
    apply(api, widened);

    assertThat(plan(api, widened).plan().hasChanges()).isFalse();
  }

  @Test
  void changingVariantKeysAfterLaunchIsRefusedBeforeAnyWrite() {
    ProjectingPostHog api = new ProjectingPostHog();
    apply(api, declared(experiment("Blue", 50, "test", "")));
    int writes = api.writes.size();

    PlanResult result = plan(api, declared(experiment("Blue", 50, "green", "")));

    assertThat(result.plan()).isNull();
    assertThat(result.diagnostics())
        .extracting(Diagnostic::format)
        .containsExactly(
            "experiment.yaml:6:3: Experiment/button-colour has launched, and PostHog cannot change"
                + " an experiment's variant keys after launch (control, test in PostHog, control,"
                + " green declared); keep the keys, or declare a new experiment with another"
                + " feature_flag_key");
    assertThat(api.writes).hasSize(writes);
  }

  @Test
  void theExampleExperimentConvergesWhereItAlreadyRuns(@TempDir Path dir) throws IOException {
    ProjectingPostHog api = new ProjectingPostHog();
    Path example = Path.of("examples/flags/experiments");
    List<Declaration> examples = DeclarationLoader.load(List.of(example)).declarations();
    String running = Files.readString(Files.list(example).findFirst().orElseThrow());
    // Running already, with the variant names of an earlier version of the document.
    apply(api, declared(running.replace("Blue button", "Control").replace("Green button", "Test")));

    apply(api, examples);

    assertThat(plan(api, examples).plan().hasChanges()).isFalse();
    ExportWriter.write(LiveStateReader.read(api, "http://fake"), Set.copyOf(Kinds.all()), dir);
    assertThat(plan(api, DeclarationLoader.load(List.of(dir)).declarations()).plan().hasChanges())
        .isFalse();
  }
}
