package io.posthoggitops.model;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;

/** A live object by kind and id: unique, where identities need not be. */
public record LiveKey(Kind kind, LiveId id) {

  @Override
  public String toString() {
    return kind.name() + "#" + id;
  }
}
