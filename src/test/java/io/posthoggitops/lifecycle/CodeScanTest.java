package io.posthoggitops.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeScanTest {

  private static final String CALL = "posthog.isFeatureEnabled('%s')\n";

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void buildOutputDependenciesAndHiddenFoldersAreNotRead(@TempDir Path root) throws IOException {
    Path app = root.resolve("app");
    write(app.resolve("src/app.ts"), CALL.formatted("kept"));
    write(app.resolve("target/classes/App.java"), CALL.formatted("target"));
    write(app.resolve("node_modules/lib/index.js"), CALL.formatted("dependency"));
    write(app.resolve(".cache/app.ts"), CALL.formatted("hidden"));
    write(app.resolve("notes.txt"), CALL.formatted("not-source"));

    CodeReferences found = CodeScan.scan(app);

    assertThat(found.files()).isEqualTo(1);
    assertThat(found.calls()).extracting(KeyInCode::key).containsExactly("kept");
    assertThat(found.calls().get(0).file()).isEqualTo(app.resolve("src/app.ts").toString());
  }

  @Test
  void aFileOverTheSizeLimitIsSkippedAndCounted(@TempDir Path root) throws IOException {
    write(
        root.resolve("bundle.js"),
        CALL.formatted("bundled") + " ".repeat((int) CodeScan.MAX_FILE_BYTES));
    write(root.resolve("app.js"), CALL.formatted("written"));

    CodeReferences found = CodeScan.scan(root);

    assertThat(found.calls()).extracting(KeyInCode::key).containsExactly("written");
    assertThat(found.skipped()).isEqualTo(1);
  }

  @Test
  void symbolicLinksAreNeverFollowed(@TempDir Path root) throws IOException {
    Path outside = root.resolve("outside");
    write(outside.resolve("secret.js"), CALL.formatted("outside-dir"));
    write(root.resolve("lone.js"), CALL.formatted("outside-file"));
    Path app = root.resolve("app");
    write(app.resolve("app.js"), CALL.formatted("inside"));
    Files.createSymbolicLink(app.resolve("linked"), outside);
    Files.createSymbolicLink(app.resolve("linked.js"), root.resolve("lone.js"));

    CodeReferences found = CodeScan.scan(app);

    assertThat(found.calls()).extracting(KeyInCode::key).containsExactly("inside");
  }

  @Test
  void aFolderThatDoesNotExistIsAUserError(@TempDir Path root) {
    assertThatThrownBy(() -> CodeScan.scan(root.resolve("srcc")))
        .isInstanceOf(UserError.class)
        .hasMessageEndingWith(
            "srcc: no such folder; give the folder that holds the application's source code.");
  }
}
