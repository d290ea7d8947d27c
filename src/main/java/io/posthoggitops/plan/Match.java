package io.posthoggitops.plan;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveObject;

/**
 * A declaration and the live object it stands for, or null when nothing live matches (a create, or
 * a tombstone with nothing left to delete).
 */
record Match(Declaration declaration, LiveObject live) {

  boolean isLive() {
    return live != null;
  }
}
