package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.Snapshots;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.render.ExportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What export writes is a valid declaration set: the bootstrap path must pass validate. */
class ExportedFilesValidateTest {

  static Stream<Path> snapshots() {
    return Stream.of(
        Path.of("examples/snapshot.json"),
        Path.of("src/test/resources/snapshots/newer.json"),
        Path.of("src/test/resources/snapshots/older.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snapshots")
  void exportedYamlPassesValidationWithoutErrors(Path snapshot, @TempDir Path dir) {
    LiveState state = Snapshots.read(snapshot);
    ExportWriter.write(state, Set.copyOf(Kinds.all()), dir);

    LoadResult result = DeclarationLoader.load(List.of(dir));

    assertThat(result.declarations()).isNotEmpty();
    assertThat(result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format))
        .isEmpty();
  }
}
