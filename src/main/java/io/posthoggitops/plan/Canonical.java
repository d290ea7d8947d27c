package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.FieldSpec;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.KindSpec;
import io.posthoggitops.model.LiveObject;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The one canonical form both sides are compared in (DESIGN.md §3 "declared fields are the truth"):
 * our YAML field names, references by name, payloads as YAML values, PostHog's defaults filled in,
 * server-computed fields gone, key order fixed. {@code export} writes it; the diff shows it.
 *
 * <p>Rules shared by all kinds live here and in {@link CanonicalJson}; what one kind adds lives in
 * its {@link KindForm}.
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
    KindForm form = KindForm.of(declaration.kind());
    ObjectNode fields = declaration.fields().deepCopy();
    form.desired(fields);
    form.normalise(fields);
    if (refs != null) {
      form.referenceFields().forEach(f -> ReferenceNodes.toNames(fields.get(f), refs));
    }
    return finish(declaration.kind(), fields, true);
  }

  /** A live object in canonical form; ids in references become names through {@code refs}. */
  public static ObjectNode fromLive(LiveObject live, References refs) {
    KindForm form = KindForm.of(live.kind());
    ObjectNode raw = live.raw().deepCopy();
    form.live(raw);
    form.normalise(raw);
    form.referenceFields().forEach(f -> ReferenceNodes.toNames(raw.get(f), refs));
    return finish(live.kind(), raw, false);
  }

  /**
   * The PostHog request body for a canonical object (or a subset of its fields): references
   * resolved to ids or placeholders, payloads as JSON strings, our own fields (e.g. experiment
   * {@code status}, dashboard {@code tiles}) left out.
   */
  public static ObjectNode toApi(Kind kind, ObjectNode canonical, References refs) {
    KindForm form = KindForm.of(kind);
    ObjectNode body = canonical.deepCopy();
    form.referenceFields().forEach(f -> ReferenceNodes.toIds(body.get(f), refs));
    form.api(body);
    return body;
  }

  /**
   * A live object as a declaration would say it, for {@code export}: canonical form without the
   * values PostHog assumes anyway (a field equal to its default, an empty or false field that has
   * no default and so is compared only when declared).
   */
  public static ObjectNode forExport(LiveObject live, References refs) {
    ObjectNode canonical = fromLive(live, refs);
    for (FieldSpec field : KindSpec.of(live.kind()).fields().values()) {
      JsonNode value = canonical.get(field.name());
      if (field.required() || value == null) {
        continue;
      }
      boolean isDefault =
          field.defaultValue() != null
              ? value.equals(CanonicalJson.normalise(field.defaultValue()))
              : CanonicalJson.isEmpty(value) || (value.isBoolean() && !value.asBoolean());
      if (isDefault) {
        canonical.remove(field.name());
      }
    }
    KindForm.of(live.kind()).omitDefaults(canonical);
    return canonical;
  }

  /**
   * Fields in {@code KindSpec} order, omitted ones filled with their default (null from PostHog
   * counts as omitted when the default is a value); values normalised. Keys the spec does not know
   * are kept for declarations (the user wrote them) and dropped for live objects (server fields).
   */
  static ObjectNode finish(Kind kind, ObjectNode fields, boolean keepUnknown) {
    KindSpec spec = KindSpec.of(kind);
    ObjectNode out = CanonicalJson.NODES.objectNode();
    for (FieldSpec field : spec.fields().values()) {
      JsonNode value = fields.get(field.name());
      boolean hasDefault = field.defaultValue() != null && !field.defaultValue().isNull();
      if (value == null || (value.isNull() && hasDefault)) {
        value = field.defaultValue();
      }
      if (value != null) {
        out.set(field.name(), value(field.name(), value));
      }
    }
    if (keepUnknown) {
      fields.properties().stream()
          .filter(e -> !spec.fields().containsKey(e.getKey()))
          .forEach(e -> out.set(e.getKey(), CanonicalJson.normalise(e.getValue())));
    }
    return out;
  }

  private static JsonNode value(String name, JsonNode value) {
    return switch (name) {
      case "tags" -> stringSet(value, true);
      case "evaluation_contexts" -> stringSet(value, false);
      default -> CanonicalJson.normalise(value);
    };
  }

  /** PostHog stores tags trimmed, lower-cased, de-duplicated, in no fixed order: a sorted set. */
  private static JsonNode stringSet(JsonNode value, boolean lowerCase) {
    if (!value.isArray()) {
      return CanonicalJson.normalise(value);
    }
    TreeSet<String> set = new TreeSet<>();
    value.forEach(
        t -> set.add(lowerCase ? t.asText().trim().toLowerCase(Locale.ROOT) : t.asText().trim()));
    ArrayNode out = CanonicalJson.NODES.arrayNode();
    set.forEach(out::add);
    return out;
  }
}
