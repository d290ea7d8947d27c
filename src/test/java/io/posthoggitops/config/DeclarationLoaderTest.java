package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationLoaderTest {

  private static final String FLAG_AND_COHORT =
      """
      kind: Cohort
      name: Beta testers
      filters:
        properties:
          type: OR
          values:
            - type: AND
              values:
                - {type: person, key: beta_opt_in, operator: exact, value: ["true"]}
      ---
      kind: FeatureFlag
      key: new-checkout
      id: 17
      name: One-page checkout
      filters:
        groups:
          - properties:
              - {type: cohort, key: id, operator: in, value: {cohort: Beta testers}}
            rollout_percentage: 50
      ignore_changes: [active]
      """;

  @Test
  void readsEachDocumentOfAMultiDocumentFileWithItsKindAndIdentity() {
    LoadResult result = DeclarationLoader.loadTexts(Map.of("flags.yaml", FLAG_AND_COHORT));

    assertThat(result.declarations())
        .extracting(d -> d.address().toString())
        .containsExactly("Cohort/Beta testers", "FeatureFlag/new-checkout");
    Declaration flag = result.declarations().get(1);
    assertThat(flag.pinnedId()).isEqualTo(LiveId.of(17));
    assertThat(flag.ignoreChanges()).containsExactly("active");
    assertThat(flag.tombstone()).isFalse();
    assertThat(flag.fields().has("ignore_changes")).isFalse();
    assertThat(flag.fields().has("kind")).isFalse();
    assertThat(flag.fields().at("/filters/groups/0/rollout_percentage").intValue()).isEqualTo(50);
  }

  @Test
  void locatesKeysAndArrayItemsAtTheirExactLineAndColumn() {
    Declaration flag =
        DeclarationLoader.loadTexts(Map.of("flags.yaml", FLAG_AND_COHORT)).declarations().get(1);

    assertThat(flag.location()).isEqualTo(new SourceLocation("flags.yaml", 11, 1));
    assertThat(flag.locate("/filters/groups/0/rollout_percentage"))
        .isEqualTo(new SourceLocation("flags.yaml", 19, 7));
    assertThat(flag.locate("/filters/groups/0/properties/0"))
        .isEqualTo(new SourceLocation("flags.yaml", 18, 11));
    assertThat(flag.locate("/filters/groups/0/properties/0/value/cohort"))
        .isEqualTo(new SourceLocation("flags.yaml", 18, 57));
  }

  @Test
  void keepsYamlValuesAsWrittenWithOnlyTrueAndFalseAsBooleans() {
    String text =
        "kind: Action\nname: Signed up\ndescription: yes\npinned: true\nsteps: [{url: '5'}]\n";
    Declaration action = DeclarationLoader.loadTexts(Map.of("a.yaml", text)).declarations().get(0);

    assertThat(action.fields().get("description").isTextual()).isTrue();
    assertThat(action.fields().get("pinned").booleanValue()).isTrue();
    assertThat(action.fields().at("/steps/0/url").isTextual()).isTrue();
  }

  @Test
  void readsTombstonesWithOnlyKindAndIdentity() {
    LoadResult result =
        DeclarationLoader.loadTexts(
            Map.of("old.yaml", "kind: FeatureFlag\nkey: old-banner\ndeleted: true\n"));

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.declarations().get(0).tombstone()).isTrue();
    assertThat(result.declarations().get(0).kind()).isEqualTo(TestKinds.FEATURE_FLAG);
  }

  @Test
  void searchesDirectoriesRecursivelyInSortedOrderAndSkipsTheConfigFile(@TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("b/nested"));
    Files.writeString(dir.resolve("b/nested/z.yml"), "kind: Action\nname: Z\n");
    Files.writeString(dir.resolve("a.yaml"), "kind: Action\nname: A\n");
    Files.writeString(dir.resolve("posthog-gitops.yaml"), "api_url: http://localhost\n");
    Files.writeString(dir.resolve("notes.txt"), "not yaml: [\n");

    LoadResult result = DeclarationLoader.load(List.of(dir));

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.declarations()).extracting(Declaration::identity).containsExactly("A", "Z");
    assertThat(result.declarations().get(1).location().file()).endsWith("z.yml");
  }

  @Test
  void refusesAPathThatDoesNotExistNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> DeclarationLoader.load(List.of(missing)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void hiddenFilesAndFoldersAndBuildOutputBelowAPathAreNotRead(@TempDir Path dir) throws Exception {
    String flag = "kind: FeatureFlag\nkey: %s\n";
    Files.writeString(dir.resolve("flag.yaml"), flag.formatted("kept"));
    for (String junk :
        List.of(
            ".github/workflows/plan.yml",
            ".pre-commit-config.yaml",
            "target/classes/application.yaml",
            "web/node_modules/pkg/config.yml")) {
      Path file = dir.resolve(junk);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "on: push\n");
    }
    Files.writeString(dir.resolve("target/flag.yaml"), flag.formatted("built"));

    assertThat(DeclarationLoader.load(List.of(dir)).declarations())
        .extracting(d -> d.address().toString())
        .containsExactly("FeatureFlag/kept");
    assertThat(DeclarationLoader.load(List.of(dir.resolve("target"))).declarations())
        .extracting(d -> d.address().toString())
        .containsExactly("FeatureFlag/built");
  }
}
