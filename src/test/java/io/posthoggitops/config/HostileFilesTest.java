package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.cli.InProcessCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declarations nobody should be able to take the tool down with, through {@code validate}: each bad
 * file is one error at its position, and the good files beside it are still checked.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against hanging, not a speed target
class HostileFilesTest {
  private static final String GOOD =
      """
      kind: FeatureFlag
      key: dark-mode
      filters:
        groups:
          - rollout_percentage: 100
      """;

  @TempDir Path dir;
  private Path decl;

  @BeforeEach
  void folders() throws IOException {
    decl = Files.createDirectories(dir.resolve("decl"));
    Files.writeString(decl.resolve("good.yaml"), GOOD);
  }

  private InProcessCli.Result validate(Path... paths) {
    String[] args = new String[paths.length + 1];
    args[0] = "validate";
    for (int i = 0; i < paths.length; i++) {
      args[i + 1] = paths[i].toString();
    }
    return InProcessCli.run(Map.of(), args);
  }

  /** Nine aliases of nine aliases of ..., under SnakeYAML's limit of 50 aliases per document. */
  private static String aliasBomb() {
    StringBuilder yaml =
        new StringBuilder("kind: FeatureFlag\nkey: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 9; level++) {
      String previous = "*a" + (level - 1);
      yaml.append("a")
          .append(level)
          .append(": &a")
          .append(level)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(5, previous)))
          .append("]\n");
    }
    return yaml.toString();
  }

  @Test
  void aDocumentOfNestedAliasesIsRefusedAtThePlaceItGrowsTooLarge() throws IOException {
    String bomb = aliasBomb();
    assertThat(bomb.length()).isLessThan(600);
    Files.writeString(decl.resolve("bomb.yaml"), bomb);

    InProcessCli.Result result = validate(decl);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .containsPattern(
            "decl/bomb\\.yaml:\\d+:\\d+: this document holds more than 100000 values once its"
                + " aliases are expanded")
        .doesNotContain("good.yaml");
    assertThat(result.stderr().lines().filter(l -> l.contains("bomb.yaml"))).hasSize(1);
  }

  @Test
  void deepNestingAndManyAliasesAreRefusedInWordsThatSayWhatToChange() throws IOException {
    Files.writeString(
        decl.resolve("deep.yaml"),
        "kind: Cohort\nname: deep\nfilters: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    StringBuilder aliases = new StringBuilder("kind: Cohort\nname: aliases\na: &a [x]\nb: [");
    aliases.append(String.join(", ", java.util.Collections.nCopies(60, "*a"))).append("]\n");
    Files.writeString(decl.resolve("aliases.yaml"), aliases.toString());

    InProcessCli.Result result = validate(decl);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("decl/deep.yaml:1:1: invalid YAML: lists and mappings are nested more than 50")
        .contains("Flatten the document.")
        .contains("decl/aliases.yaml:1:1: invalid YAML: more than 50 aliases to lists or mappings")
        .doesNotContain("Exception")
        .doesNotContain("good.yaml");
  }

  @Test
  void aFileLargerThanTheLimitIsNotReadAndTheOthersAreChecked() throws IOException {
    Path big = decl.resolve("big.yaml");
    try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(DeclarationFiles.MAX_BYTES + 1);
    }
    Files.writeString(decl.resolve("wrong.yaml"), "kind: FeatureFlags\nkey: x\n");

    InProcessCli.Result result = validate(decl);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("decl/big.yaml:1:1: the file holds ")
        .contains("more than the 4 MiB a declaration file may hold; it was not read")
        .contains("decl/wrong.yaml:1:7: unknown kind `FeatureFlags`");
  }

  @Test
  void aLongScalarIsAnErrorAtItsPosition() throws IOException {
    Files.writeString(
        decl.resolve("long.yaml"),
        "kind: FeatureFlag\nkey: long\nname: " + "x".repeat(100_001) + "\nfilters: {groups: []}\n");

    InProcessCli.Result result = validate(decl);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains(
            "decl/long.yaml:3:7: this value holds 100001 characters, more than the 100000 a value"
                + " may hold");
  }

  @Test
  void aFileThatIsNotUtf8NamesItsFirstBadByteAndTheOthersAreChecked() throws IOException {
    byte[] latin1 = "kind: Cohort\nname: Caf\u00e9 owners\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(decl.resolve("latin1.yaml"), latin1);
    Files.writeString(decl.resolve("wrong.yaml"), "kind: FeatureFlags\nkey: x\n");

    InProcessCli.Result result = validate(decl);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains(
            "decl/latin1.yaml:2:10: the file is not UTF-8: byte 22 (0xe9) cannot start or continue"
                + " a character; save the file as UTF-8.")
        .contains("decl/wrong.yaml:1:7: unknown kind");
  }

  @Test
  void theReplacementCharacterWrittenAsUtf8IsTextButTheSameMarkFromABadByteIsNot()
      throws IOException {
    Files.writeString(
        decl.resolve("marked.yaml"),
        "kind: Cohort\nname: Unknown \uFFFD owners\nfilters: {properties: {type: AND, values: []}}\n");
    byte[] bad = "kind: Cohort\nname: Bad \uFFFD x\n".getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 3] = (byte) 0xff; // after the real mark, a byte that starts no character
    Files.write(decl.resolve("bad.yaml"), bad);

    InProcessCli.Result result = validate(decl);

    assertThat(result.stderr())
        .contains("decl/bad.yaml:2:14: the file is not UTF-8: byte 26 (0xff)")
        .doesNotContain("marked.yaml");
  }

  @Test
  void aLinkToAFileOutsideThePathIsRefusedWithoutShowingWhatItPointsAt() throws IOException {
    Path secret =
        Files.writeString(dir.resolve("credentials.yaml"), "kind: sk_live_TOPSECRET_31337\n");
    Files.createSymbolicLink(decl.resolve("innocent.yaml"), secret);

    InProcessCli.Result result = validate(decl);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains(
            "decl/innocent.yaml:1:1: a symbolic link to a file outside the folders given; it was"
                + " not read.");
    assertThat(result.output()).doesNotContain("TOPSECRET").doesNotContain("credentials");
  }

  @Test
  void linksThatStayInsideThePathAreRead() throws IOException {
    Path real = Files.createDirectories(decl.resolve("flags"));
    Files.move(decl.resolve("good.yaml"), real.resolve("good.yaml"));
    Files.createSymbolicLink(decl.resolve("alias.yml"), real.resolve("good.yaml"));
    Path linkedRoot = Files.createSymbolicLink(dir.resolve("linked-decl"), decl);
    Files.createSymbolicLink(decl.resolve("elsewhere"), Files.createDirectories(dir.resolve("x")));

    InProcessCli.Result result = validate(linkedRoot);

    // Both names of the one flag are read through the linked PATH, so it is declared twice.
    assertThat(result.stderr())
        .contains("linked-decl/flags/good.yaml:2:6: duplicate FeatureFlag `dark-mode`")
        .contains("also declared at " + linkedRoot + "/alias.yml:1:1")
        .contains("linked-decl/elsewhere:1:1: warning: a symbolic link to a folder outside");
  }
}
