package io.posthoggitops.plan;

import io.posthoggitops.config.DeclarationLoader;
import io.posthoggitops.config.LoadResult;
import io.posthoggitops.model.Declaration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Declarations for planner tests, read by the real loader. Its diagnostics are not checked here:
 * some tests hand the planner documents validation would flag, to show the planner's own answer.
 */
public final class TestDeclarations {

  private TestDeclarations() {}

  /** Every YAML file under {@code dir}, as {@code validate}/{@code plan} would read them. */
  public static LoadResult loadDir(Path dir) {
    return DeclarationLoader.load(List.of(dir));
  }

  public static List<Declaration> read(String file, String yaml) {
    return DeclarationLoader.loadTexts(Map.of(file, yaml)).declarations();
  }
}
