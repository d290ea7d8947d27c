package io.posthoggitops.model;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import java.util.Objects;

/** A live object by kind and id: unique, where identities need not be. */
public record LiveKey(Kind kind, LiveId id) {

  // Written out: a record's own equals and hashCode are linked at run time and are slower until
  // compiled, and a large plan looks these up by the hundred thousand.
  @Override
  public boolean equals(Object other) {
    return other instanceof LiveKey that
        && Objects.equals(kind, that.kind)
        && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(kind) + Objects.hashCode(id);
  }

  @Override
  public String toString() {
    return kind.name() + "#" + id;
  }
}
