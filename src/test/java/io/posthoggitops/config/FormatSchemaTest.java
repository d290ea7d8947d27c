package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.Snapshots;
import io.posthoggitops.render.ExportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated JSON Schema accepts every example and rejects what validate rejects. */
class FormatSchemaTest {

  static Stream<Path> exampleFiles() throws IOException {
    try (Stream<Path> flags = Files.walk(Path.of("examples/flags"));
        Stream<Path> environments = Files.walk(Path.of("examples/environments/posthog"))) {
      return Stream.concat(flags, environments)
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleFiles")
  void acceptsEveryDocumentOfTheExamples(Path file) throws IOException {
    for (JsonNode document : documents(Files.readString(file))) {
      assertThat(errors(document)).as(file + " " + document.path("kind")).isEmpty();
    }
  }

  @Test
  void acceptsWhatExportWritesFromASnapshot(@TempDir Path dir) throws IOException {
    List<Path> written =
        ExportWriter.write(
            Snapshots.read(Path.of("examples/snapshot.json")), Set.copyOf(Kinds.all()), dir);

    assertThat(written).isNotEmpty();
    for (Path file : written) {
      for (JsonNode document : documents(Files.readString(dir.resolve(file)))) {
        assertThat(errors(document)).as(file.toString()).isEmpty();
      }
    }
  }

  @Test
  void describesEveryFieldOfEveryKindSpec() {
    JsonNode defs = FormatSchema.generate().path("$defs");
    for (Kind kind : Kinds.all()) {
      JsonNode properties = defs.path(kind.name()).path("properties");
      assertThat(properties.has(kind.identityField())).as(kind.name()).isTrue();
      kind.spec()
          .fields()
          .keySet()
          .forEach(
              field -> assertThat(properties.has(field)).as(kind.name() + "." + field).isTrue());
    }
  }

  @Test
  void declaresTheDraft202012Dialect() {
    assertThat(FormatSchema.generate().path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void rejectsAnUnknownFieldInAReleaseCondition() throws IOException {
    JsonNode flag =
        documents(
                "kind: FeatureFlag\nkey: typo\nfilters:\n  groups:\n    - rolout_percentage: 50\n")
            .get(0);
    assertThat(errors(flag)).anyMatch(e -> e.contains("rolout_percentage"));
  }

  @Test
  void rejectsAnEnumValueOutsideTheKindsTable() throws IOException {
    JsonNode experiment =
        documents("kind: Experiment\nname: X\nfeature_flag_key: x\nstatus: paused\n").get(0);
    assertThat(errors(experiment)).anyMatch(e -> e.contains("status"));
  }

  @Test
  void rejectsAFlagWithoutFiltersButAcceptsItsTombstone() throws IOException {
    assertThat(errors(documents("kind: FeatureFlag\nkey: bare\n").get(0))).isNotEmpty();
    assertThat(errors(documents("kind: FeatureFlag\nkey: bare\ndeleted: true\n").get(0))).isEmpty();
  }

  @Test
  void rejectsAnUnknownKindAndACohortLeafOfTheWrongShape() throws IOException {
    assertThat(errors(documents("kind: Flag\nkey: x\n").get(0))).isNotEmpty();
    JsonNode cohort =
        documents(
                "kind: Cohort\nname: C\nfilters:\n  properties:\n    type: OR\n    values:\n"
                    + "      - {type: cohort, key: id, value: 3, negate: true}\n")
            .get(0);
    assertThat(errors(cohort)).anyMatch(e -> e.contains("negate"));
  }

  private static List<String> errors(JsonNode document) {
    return SchemaCheck.errors(document);
  }

  private static List<JsonNode> documents(String yaml) {
    return SchemaCheck.documents(yaml);
  }
}
