package io.posthoggitops.config;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.ReferenceSlot.Purpose;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.SourceLocation;

/**
 * A reference by name, e.g. {@code {cohort: Beta testers}}, and where it is written: the value at
 * {@code pointer} in {@code document}, looked up only for a message.
 */
record ReferenceUse(
    Declaration from,
    Kind target,
    String name,
    ParsedDocument document,
    String pointer,
    Purpose purpose) {

  SourceLocation location() {
    return document.value(pointer);
  }

  Address address() {
    return new Address(target, name);
  }
}
