package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.apply.FakePostHogServer;
import io.posthoggitops.cli.InProcessCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export never loses or misplaces an object: through the real CLI against a loopback PostHog, names
 * that fold to one file, very long and blank names each get a file of their own that plans no
 * change, and links inside {@code --out} are refused before anything is written.
 */
class ExportFilesTest {
  private static final Map<String, String> ENV = Map.of("MATON_API_KEY", "test-key-7f3a");

  @TempDir Path dir;
  @RegisterExtension final FakePostHogServer posthog = FakePostHogServer.perTest();

  private void cohort(int id, String nameJson) throws IOException {
    posthog.add(
        "cohorts",
        "{\"id\":"
            + id
            + ",\"name\":"
            + nameJson
            + ",\"filters\":{\"properties\":{\"type\":\"AND\",\"values\":[{\"type\":\"person\","
            + "\"key\":\"plan\",\"value\":[\"pro\"],\"operator\":\"exact\"}]}}}");
  }

  private InProcessCli.Result cli(String... args) {
    return posthog.cli(ENV, args);
  }

  private List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Export, then check that every object has a file and a pruning plan of the files is empty. */
  private void exportRoundTrips(int objects) throws IOException {
    Path out = dir.resolve("posthog");
    InProcessCli.Result export = cli("export", "--out", out.toString());
    assertThat(export.exitCode()).as(export.output()).isZero();
    assertThat(yamlFiles(out)).hasSize(objects);
    assertThat(export.stdout().lines()).hasSize(objects);

    InProcessCli.Result validate = cli("validate", out.toString());
    assertThat(validate.exitCode()).as(validate.output()).isZero();
    InProcessCli.Result plan = cli("plan", out.toString(), "--prune", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(plan.stdout()).contains("No changes");

    InProcessCli.Result again = cli("export", "--out", out.toString());
    assertThat(again.stdout()).isEqualTo(export.stdout());
    assertThat(again.stderr()).doesNotContain("were not written by this export");
  }

  @Test
  void namesThatFoldToOneFileEachGetTheirOwn() throws IOException {
    cohort(1201, "\"x\"");
    cohort(1202, "\"X\"");
    cohort(1203, "\"x 1201\"");
    cohort(1204, "\"Früh\"");
    cohort(1205, "\"früh\"");
    cohort(1206, "\"ユーザー\"");

    exportRoundTrips(6);
  }

  @Test
  void aNameOfThreeHundredCharactersExportsUnderAShortFileName() throws IOException {
    cohort(1301, "\"" + "Customers on the annual plan ".repeat(11) + "\"");
    cohort(1302, "\"" + "Customers on the annual plan ".repeat(11) + "in Europe\"");

    exportRoundTrips(2);
    for (Path file : yamlFiles(dir.resolve("posthog"))) {
      assertThat(file.getFileName().toString().length()).isLessThanOrEqualTo(120);
    }
  }

  @Test
  void blankAndMissingNamesExportFilesThatPlanNoChange() throws IOException {
    cohort(1401, "\"\"");
    cohort(1402, "\"  \"");
    cohort(1403, "null");
    cohort(1404, "\"unnamed\"");

    exportRoundTrips(4);
  }

  @Test
  void aLinkedKindFolderInsideOutIsRefusedAndNothingIsWritten() throws IOException {
    cohort(1501, "\"Pilot users\"");
    posthog.add(
        "feature_flags",
        "{\"id\":7,\"key\":\"beta\",\"name\":\"\",\"active\":true,"
            + "\"filters\":{\"groups\":[{\"properties\":[],\"rollout_percentage\":50}]}}");
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Path out = Files.createDirectories(dir.resolve("posthog"));
    Files.createSymbolicLink(out.resolve("cohorts"), outside);

    InProcessCli.Result export = cli("export", "--out", out.toString());

    assertThat(export.exitCode()).as(export.output()).isEqualTo(1);
    assertThat(export.stderr())
        .contains(out.resolve("cohorts").toString())
        .contains("link")
        .doesNotContain("Exception");
    assertThat(yamlFiles(outside)).isEmpty();
    assertThat(yamlFiles(out)).isEmpty();
  }

  @Test
  void aLinkedFileInsideOutIsRefusedAndItsTargetKeepsItsContent() throws IOException {
    cohort(1601, "\"Pilot users\"");
    Path secret = Files.writeString(dir.resolve("credentials.yaml"), "token: keep-me\n");
    Path folder = Files.createDirectories(dir.resolve("posthog").resolve("cohorts"));
    Files.createSymbolicLink(folder.resolve("pilot-users.yaml"), secret);

    InProcessCli.Result export = cli("export", "--out", dir.resolve("posthog").toString());

    assertThat(export.exitCode()).as(export.output()).isEqualTo(1);
    assertThat(export.stderr()).contains(folder.resolve("pilot-users.yaml").toString());
    assertThat(Files.readString(secret)).isEqualTo("token: keep-me\n");
  }
}
