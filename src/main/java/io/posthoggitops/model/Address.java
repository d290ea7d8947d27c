package io.posthoggitops.model;

import io.posthoggitops.kind.Kind;
import java.util.Objects;

/**
 * A resource by kind and identity, written {@code FeatureFlag/new-checkout} (as in {@code --target}
 * and in the views).
 */
public record Address(Kind kind, String identity) {

  // Written out: a record's own equals and hashCode are linked at run time and are slower until
  // compiled, and a large plan looks these up by the hundred thousand.
  @Override
  public boolean equals(Object other) {
    return other instanceof Address that
        && Objects.equals(kind, that.kind)
        && Objects.equals(identity, that.identity);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(kind) + Objects.hashCode(identity);
  }

  @Override
  public String toString() {
    return kind.name() + "/" + identity;
  }
}
