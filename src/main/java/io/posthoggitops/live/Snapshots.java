package io.posthoggitops.live;

import io.posthoggitops.model.LiveState;
import java.nio.file.Path;

/** The snapshot file: raw live state as JSON, written by {@code export --snapshot-out}. */
public final class Snapshots {

  private Snapshots() {}

  public static void write(LiveState state, Path file) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Reads a snapshot; a file that does not parse is a {@code UserError} naming the file. */
  public static LiveState read(Path file) {
    throw new UnsupportedOperationException("not built yet");
  }
}
