package io.posthoggitops.render;

import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveState;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes live state as declaration YAML, one file per resource under {@code DIR/<kind>/<name>.yaml}:
 * canonical form, defaults omitted, ids turned into references by name. Byte-stable.
 */
public final class ExportWriter {

  private ExportWriter() {}

  /** @return the files written, relative to {@code dir} */
  public static java.util.List<Path> write(LiveState state, Set<Kind> kinds, Path dir) {
    throw new UnsupportedOperationException("not built yet");
  }
}
