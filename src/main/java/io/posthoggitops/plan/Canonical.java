package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.ForeignKey;
import io.posthoggitops.kind.JsonNodes;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveObject;

/**
 * The one canonical form both sides are compared in (docs/how-plan-decides.md): our YAML field
 * names, references by name, payloads as YAML values, PostHog's defaults filled in, server-computed
 * fields gone, key order fixed. {@code export} writes it; the diff shows it.
 *
 * <p>Rules shared by all kinds live here and in {@link CanonicalJson}; what one kind adds lives in
 * its {@link CanonicalForm}.
 */
public final class Canonical {

  private Canonical() {}

  /** A declaration in canonical form (defaults filled in, {@code ignore_changes} fields kept). */
  public static ObjectNode fromDeclaration(Declaration declaration) {
    return fromDeclaration(declaration, null);
  }

  /**
   * A declaration in canonical form, with raw ids in references turned into names where {@code
   * refs} knows them (so {@code value: 1205} and {@code value: {cohort: Beta testers}} compare
   * equal).
   */
  public static ObjectNode fromDeclaration(Declaration declaration, References refs) {
    Kind kind = declaration.kind();
    ObjectNode fields = JsonNodes.copy(declaration.fields());
    kind.form().desired(fields);
    kind.form().normalise(fields);
    if (refs != null) {
      ReferenceNodes.toNames(kind, fields, refs);
    }
    return finish(kind, fields, true);
  }

  /** A live object in canonical form; ids in references become names through {@code refs}. */
  public static ObjectNode fromLive(LiveObject live, References refs) {
    Kind kind = live.kind();
    ObjectNode raw = JsonNodes.copy(live.raw());
    kind.form().live(raw);
    kind.form().normalise(raw);
    ReferenceNodes.toNames(kind, raw, refs);
    return finish(kind, raw, false);
  }

  /**
   * The PostHog request body for a canonical object (or a subset of its fields): references
   * resolved to ids or placeholders, payloads as JSON strings, fields of ours (an experiment's
   * {@code status}, a dashboard's {@code tiles}) left out.
   */
  public static ObjectNode toApi(Kind kind, ObjectNode canonical, References refs) {
    ObjectNode body = canonical.deepCopy();
    kind.spec().fields().values().stream()
        .filter(f -> !f.sentAsField())
        .forEach(f -> body.remove(f.name()));
    ReferenceNodes.toIds(kind, body, refs);
    kind.form().api(body);
    return body;
  }

  /**
   * A live object as a declaration would say it, for {@code export}: canonical form without the
   * values PostHog assumes anyway (a field equal to its default, an empty or false field that has
   * no default and so is compared only when declared), and without what others write into it.
   */
  public static ObjectNode forExport(LiveObject live, References refs) {
    ObjectNode canonical = fromLive(live, refs);
    for (FieldSpec field : live.kind().spec().fields().values()) {
      JsonNode value = canonical.get(field.name());
      if (!field.required() && value != null && field.isDefault(value)) {
        canonical.remove(field.name());
      }
    }
    for (ForeignKey key : Kinds.foreignKeysOf(live.kind())) {
      JsonPointers.remove(canonical, key.pointer());
    }
    live.kind().form().omitDefaults(canonical);
    return canonical;
  }

  /**
   * Fields in spec order, omitted ones filled with their default (null from PostHog counts as
   * omitted when the default is a value); values in canonical form. Keys the spec does not know are
   * kept for declarations (the user wrote them) and dropped for live objects (server fields).
   */
  static ObjectNode finish(Kind kind, ObjectNode fields, boolean keepUnknown) {
    KindSpec spec = kind.spec();
    ObjectNode out = CanonicalJson.NODES.objectNode();
    // fields is the caller's fresh copy, so its canonical parts are taken as they are; the
    // defaults, which every object shares, are copied.
    for (FieldSpec field : spec.fields().values()) {
      JsonNode value = fields.get(field.name());
      boolean hasDefault = field.defaultValue() != null && !field.defaultValue().isNull();
      if (value == null || (value.isNull() && hasDefault)) {
        if (field.defaultValue() != null) {
          out.set(field.name(), field.canonical(field.defaultValue()));
        }
      } else {
        out.set(field.name(), field.canonicalOwned(value));
      }
    }
    if (keepUnknown) {
      fields.properties().stream()
          .filter(e -> !spec.fields().containsKey(e.getKey()))
          .forEach(e -> out.set(e.getKey(), CanonicalJson.normaliseOwned(e.getValue())));
    }
    return out;
  }
}
