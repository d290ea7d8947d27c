package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.TestKinds;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.PlanResult;
import io.posthoggitops.plan.Plans;
import io.posthoggitops.plan.TestDeclarations;
import io.posthoggitops.plan.TestLive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Export writes declarations that plan no change against the state they came from. */
class ExportWriterTest {
  @TempDir Path dir;

  static LiveState snapshot(String name) throws IOException {
    try (InputStream in = ExportWriterTest.class.getResourceAsStream("/snapshots/" + name)) {
      return TestLive.snapshot(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The snapshot without cohort 1189, whose name it shares with 1188 (see the pin test below). */
  static LiveState withoutTwin(LiveState state) {
    Map<Kind, List<LiveObject>> objects = new LinkedHashMap<>(state.objects());
    objects.put(
        TestKinds.COHORT,
        state.of(TestKinds.COHORT).stream().filter(o -> !o.id().equals(LiveId.of(1189))).toList());
    return new LiveState(
        state.apiUrl(),
        state.projectId(),
        state.projectName(),
        state.organizationFeatures(),
        objects);
  }

  @ParameterizedTest
  @ValueSource(strings = {"newer.json", "older.json"})
  void exportThenPlanAgainstTheSameStateShowsNoChanges(String snapshot) throws IOException {
    LiveState state = withoutTwin(snapshot(snapshot));
    List<Path> files = ExportWriter.write(state, Set.copyOf(Kinds.all()), dir);
    assertThat(files).isNotEmpty();
    LoadResult loaded = TestDeclarations.loadDir(dir);
    assertThat(loaded.diagnostics()).noneMatch(Diagnostic::isError);
    PlanResult result = Plans.plan(loaded.declarations(), state);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(Plans.lines(result)).isEmpty();
    assertThat(result.plan().warnings()).isEmpty();
    assertThat(result.plan().unmanaged()).isZero();
  }

  @Test
  void exportIsByteStableAndWritesOneFilePerResourceInKindFolders() throws IOException {
    LiveState state = snapshot("newer.json");
    List<Path> first = ExportWriter.write(state, Set.copyOf(Kinds.all()), dir.resolve("a"));
    List<Path> second = ExportWriter.write(state, Set.copyOf(Kinds.all()), dir.resolve("b"));
    assertThat(second).isEqualTo(first);
    for (Path file : first) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
          .as(file.toString())
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
    }
    assertThat(first.stream().map(Path::toString))
        .contains(
            "feature-flags/new-checkout-flow.yaml",
            "cohorts/beta-testers.yaml",
            "actions/user-signed-up.yaml",
            "experiments/checkout-button-color.yaml",
            "dashboards/checkout.yaml");
  }

  @Test
  void experimentFlagsAreNotExportedAsFlags() throws IOException {
    List<Path> files =
        ExportWriter.write(snapshot("newer.json"), Set.of(TestKinds.FEATURE_FLAG), dir);
    assertThat(files.stream().map(Path::toString))
        .containsExactly(
            "feature-flags/pdf-export-enabled.yaml",
            "feature-flags/pdf-export-beta.yaml",
            "feature-flags/new-checkout-flow.yaml");
  }

  @Test
  void aSharedNameGetsIdPinsAndIdSuffixedFileNames() throws IOException {
    List<Path> files = ExportWriter.write(snapshot("newer.json"), Set.of(TestKinds.COHORT), dir);
    assertThat(files.stream().map(Path::toString))
        .contains(
            "cohorts/enterprise-pilot-accounts-static--1188.yaml",
            "cohorts/enterprise-pilot-accounts-static--1189.yaml");
    assertThat(Files.readString(dir.resolve("cohorts/enterprise-pilot-accounts-static--1189.yaml")))
        .startsWith("# PostHog Cohort id 1189")
        .contains("\nid: 1189\n");
    assertThat(Files.readString(dir.resolve("cohorts/beta-testers.yaml"))).doesNotContain("\nid:");
  }

  @Test
  void pinnedExportsOfASharedNamePlanNoChanges() throws IOException {
    LiveState state = snapshot("newer.json");
    ExportWriter.write(state, Set.of(TestKinds.COHORT), dir);
    List<Declaration> pinned = new ArrayList<>();
    for (long id : new long[] {1188, 1189}) {
      Path file = dir.resolve("cohorts/enterprise-pilot-accounts-static--" + id + ".yaml");
      pinned.addAll(TestDeclarations.read(file.toString(), Files.readString(file)));
    }
    LiveState twins =
        new LiveState(
            state.apiUrl(),
            state.projectId(),
            state.projectName(),
            state.organizationFeatures(),
            Map.of(
                TestKinds.COHORT,
                state.of(TestKinds.COHORT).stream()
                    .filter(o -> o.id().equals(LiveId.of(1188)) || o.id().equals(LiveId.of(1189)))
                    .toList()));
    PlanResult result = Plans.plan(pinned, twins);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.plan().changes()).isEmpty();
    assertThat(result.plan().unmanaged()).isZero();
  }

  @Test
  void aFlagIsWrittenWithReferencesByNameAndPayloadsAsYaml() throws IOException {
    ExportWriter.write(snapshot("newer.json"), Set.of(TestKinds.FEATURE_FLAG), dir);
    assertThat(Files.readString(dir.resolve("feature-flags/pdf-export-beta.yaml")))
        .isEqualTo(
            """
        # PostHog FeatureFlag id 4795
        kind: FeatureFlag
        key: pdf-export-beta
        name: PDF export beta
        filters:
          groups:
            - properties:
                - type: flag
                  key:
                    flag: pdf-export-enabled
                  operator: flag_evaluates_to
                  value: true
                - type: cohort
                  key: id
                  operator: not_in
                  value: 1188
              rollout_percentage: 25
          payloads:
            "true":
              formats:
                - a4
                - letter
              limit: 10
        evaluation_runtime: server
        """);
  }

  @Test
  void onlyTheRequestedKindsAreWritten() throws IOException {
    ExportWriter.write(snapshot("newer.json"), Set.of(TestKinds.ACTION), dir);
    try (Stream<Path> folders = Files.list(dir)) {
      assertThat(folders.map(p -> p.getFileName().toString())).containsExactly("actions");
    }
  }

  @Test
  void filesAnEarlierExportLeftInTheKindFoldersAreReportedNotDeleted() throws IOException {
    Files.createDirectories(dir.resolve("feature-flags"));
    Path stale = dir.resolve("feature-flags/gone-from-posthog.yaml");
    Files.writeString(stale, "kind: FeatureFlag\nkey: gone\n");
    Files.writeString(dir.resolve("feature-flags/notes.txt"), "not a declaration\n");

    List<Path> written = ExportWriter.write(snapshot("newer.json"), Set.copyOf(Kinds.all()), dir);

    assertThat(ExportWriter.leftOver(dir, Set.copyOf(Kinds.all()), written))
        .containsExactly(Path.of("feature-flags/gone-from-posthog.yaml"));
    assertThat(ExportWriter.leftOver(dir, Set.of(TestKinds.COHORT), written)).isEmpty();
    assertThat(stale).exists();
  }
}
