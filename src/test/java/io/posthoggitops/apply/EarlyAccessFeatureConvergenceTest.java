package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanInput;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.plan.PlanResult;
import io.posthoggitops.plan.Planner;
import io.posthoggitops.render.ExportWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early access features against a PostHog that keeps state: created after their flag and linked to
 * it, exported and applied to an empty project without changes left, removed by archiving.
 */
class EarlyAccessFeatureConvergenceTest {

  private static final String FLAG =
      """
      kind: FeatureFlag
      key: dark-mode
      filters:
        groups:
          - properties: []
            rollout_percentage: 0
      """;
  private static final String FEATURE =
      """
      kind: EarlyAccessFeature
      name: Dark mode
      description: A darker theme for the dashboard.
      stage: beta
      feature_flag_id: {flag: dark-mode}
      """;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Plan plan(FakePostHog api, List<Declaration> declarations) {
    PlanInput input =
        new PlanInput(
            declarations,
            LiveStateReader.read(api, "http://fake"),
            List.of(),
            null,
            false,
            List.of(),
            List.of(),
            new PlanMetadata(1, "test", "http://fake", 4242, "Acme Web", null, false, null));
    PlanResult result = Planner.plan(input);
    assertThat(result.diagnostics()).isEmpty();
    return result.plan();
  }

  private static List<Declaration> declared(String... documents) {
    LoadResult loaded =
        DeclarationLoader.loadTexts(Map.of("features.yaml", String.join("---\n", documents)));
    assertThat(loaded.diagnostics()).isEmpty();
    return loaded.declarations();
  }

  private ApplyReport apply(FakePostHog api, List<Declaration> declarations) {
    ApplyReport report =
        new ApplyRun(api, new PrintWriter(out, true), new PrintWriter(err, true))
            .run(plan(api, declarations));
    assertThat(report.succeeded()).as(String.join("\n", report.summary())).isTrue();
    return report;
  }

  @Test
  void aFeatureIsCreatedAfterItsFlagLinkedToItAndThenNothingIsLeftToChange() {
    FakePostHog api = new FakePostHog();

    apply(api, declared(FLAG, FEATURE));

    ObjectNode flag = api.all("feature_flags").get(0);
    ObjectNode feature = api.all("early_access_feature").get(0);
    assertThat(api.writes).hasSize(2);
    assertThat(api.writes.get(0)).startsWith("POST feature_flags/ ");
    assertThat(api.writes.get(1)).startsWith("POST early_access_feature/ ");
    assertThat(feature.path("feature_flag_id").asLong()).isEqualTo(flag.path("id").asLong());
    assertThat(feature.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-.*");
    assertThat(out.toString()).contains("+ created EarlyAccessFeature \"Dark mode\" (id ");
    assertThat(plan(api, declared(FLAG, FEATURE)).hasChanges()).isFalse();
  }

  @Test
  void anExportedFeatureAppliedToAnEmptyProjectLeavesNothingToChange(@TempDir Path dir) {
    FakePostHog source = new FakePostHog();
    apply(source, declared(FLAG, FEATURE));

    List<Path> files =
        ExportWriter.write(
            LiveStateReader.read(source, "http://fake"), Set.copyOf(Kinds.all()), dir);
    LoadResult exported = DeclarationLoader.load(List.of(dir));
    FakePostHog target = new FakePostHog();
    apply(target, exported.declarations());

    assertThat(files).contains(Path.of("early-access-features", "dark-mode.yaml"));
    assertThat(exported.diagnostics()).isEmpty();
    assertThat(plan(source, exported.declarations()).hasChanges()).isFalse();
    assertThat(plan(target, exported.declarations()).hasChanges()).isFalse();
    assertThat(target.all("early_access_feature").get(0).path("stage").asText()).isEqualTo("beta");
  }

  @Test
  void aTombstoneArchivesTheFeatureOnceWithAPatch() {
    FakePostHog api = new FakePostHog();
    apply(api, declared(FLAG, FEATURE));
    List<Declaration> removed =
        declared(FLAG, "kind: EarlyAccessFeature\nname: Dark mode\ndeleted: true\n");

    apply(api, removed);

    String id = api.all("early_access_feature").get(0).path("id").asText();
    assertThat(api.writes.get(2))
        .isEqualTo("PATCH early_access_feature/" + id + "/ {\"stage\":\"archived\"}");
    assertThat(out.toString())
        .contains("- deleted EarlyAccessFeature \"Dark mode\" (id " + id + ")");
    assertThat(plan(api, removed).hasChanges()).isFalse();
    assertThat(api.writes).hasSize(3).noneMatch(w -> w.startsWith("DELETE"));
  }
}
