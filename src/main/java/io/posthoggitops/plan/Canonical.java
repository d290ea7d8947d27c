package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveObject;

/**
 * The one canonical form both sides are compared in (DESIGN.md §3 "declared fields are the truth"):
 * our YAML field names, references by name, payloads as YAML values, PostHog's defaults filled in,
 * server-computed fields gone, key order fixed. {@code export} writes it; the diff shows it.
 */
public final class Canonical {

  private Canonical() {}

  /** A declaration in canonical form (defaults filled in, {@code ignore_changes} fields kept). */
  public static ObjectNode fromDeclaration(Declaration declaration) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** A live object in canonical form; ids in references become names through {@code refs}. */
  public static ObjectNode fromLive(LiveObject live, References refs) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * The PostHog request body for a canonical object (or a subset of its fields): references
   * resolved to ids or placeholders, payloads as JSON strings, our own fields (e.g. experiment
   * {@code status}, dashboard {@code tiles}) left out.
   */
  public static ObjectNode toApi(Kind kind, ObjectNode canonical, References refs) {
    throw new UnsupportedOperationException("not built yet");
  }
}
