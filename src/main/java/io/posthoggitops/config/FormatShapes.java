package io.posthoggitops.config;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.IdFormat;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.ObjectShape;
import io.posthoggitops.kind.ValueType;
import io.posthoggitops.kinds.Kinds;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every shape of the declaration format: one top-level shape per kind, made from its {@link
 * KindSpec}, and the nested shapes the kinds define. The single source for validation and the JSON
 * Schema.
 */
final class FormatShapes {

  private static final Map<String, ObjectShape> NESTED_SHAPES = nestedShapes();
  private static final Map<Kind, ObjectShape> KIND_SHAPES = kindShapes();

  private FormatShapes() {}

  /** The top-level shape of a kind's documents (PostHog fields and our own keys). */
  static ObjectShape of(Kind kind) {
    return KIND_SHAPES.get(kind);
  }

  static ObjectShape named(String name) {
    ObjectShape shape = NESTED_SHAPES.get(name);
    if (shape == null) {
      throw new IllegalStateException("no shape " + name);
    }
    return shape;
  }

  /** Nested shapes by name, in a stable order (for the schema's $defs). */
  static Map<String, ObjectShape> nested() {
    return NESTED_SHAPES;
  }

  private static Map<String, ObjectShape> nestedShapes() {
    Map<String, ObjectShape> all = new LinkedHashMap<>();
    for (Kind kind : Kinds.all()) {
      for (ObjectShape shape : kind.shapes()) {
        if (all.put(shape.name(), shape) != null) {
          throw new IllegalStateException("two kinds define the shape " + shape.name());
        }
      }
    }
    return all;
  }

  private static Map<Kind, ObjectShape> kindShapes() {
    Map<Kind, ObjectShape> shapes = new HashMap<>();
    for (Kind kind : Kinds.all()) {
      shapes.put(kind, kindShape(kind));
    }
    return shapes;
  }

  private static ObjectShape kindShape(Kind kind) {
    KindSpec spec = kind.spec();
    ObjectShape.Builder shape =
        ObjectShape.named(kind.name(), "A " + kind.name() + " document.")
            .required("kind", oneOf(kind.name()), "The kind of this document.");
    for (FieldSpec field : spec.fields().values()) {
      if (field.required()) {
        shape.required(field.name(), field.type(), field.description());
      } else {
        shape.member(field.name(), field.type(), field.description());
      }
    }
    return shape
        .member(
            "id",
            idType(kind.idFormat()),
            "Pin to the live object with this id (renames, ambiguous names).")
        .member("deleted", BOOLEAN, "true: a tombstone; the object is soft-deleted on apply.")
        .member(
            "ignore_changes",
            listOf(oneOf(spec.fields().keySet().toArray(String[]::new))),
            "Fields left to the PostHog UI; never compared.")
        .member(
            "environments",
            mapOf(ANY_MAPPING),
            "Field overrides per environment of the config file, deep-merged over this document.")
        .member("only", listOf(STRING), "The environments this document exists in (default: all).")
        .build();
  }

  private static ValueType idType(IdFormat format) {
    return format == IdFormat.POSITIVE_INTEGER
        ? new Scalar(ScalarKind.INTEGER, List.of(), 1.0, null)
        : STRING;
  }
}
