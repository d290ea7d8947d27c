package io.posthoggitops.config;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.ReferenceSlot.Purpose;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.SourceLocation;

/** A reference by name, e.g. {@code {cohort: Beta testers}}, and where it is written. */
record ReferenceUse(
    Declaration from, Kind target, String name, SourceLocation location, Purpose purpose) {

  Address address() {
    return new Address(target, name);
  }
}
