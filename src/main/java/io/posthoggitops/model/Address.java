package io.posthoggitops.model;

import io.posthoggitops.kind.Kind;

/**
 * A resource by kind and identity, written {@code FeatureFlag/new-checkout} (as in {@code --target}
 * and in the views).
 */
public record Address(Kind kind, String identity) {

  @Override
  public String toString() {
    return kind.name() + "/" + identity;
  }
}
