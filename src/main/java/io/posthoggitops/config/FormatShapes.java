package io.posthoggitops.config;

import static io.posthoggitops.config.ValueType.*;

import io.posthoggitops.model.FieldSpec;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.KindSpec;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every shape of the declaration format: one top-level shape per kind, made from {@link KindSpec},
 * and the nested shapes its fields hold. The single source for validation and the JSON Schema.
 */
final class FormatShapes {

  /**
   * Top-level fields whose value has a nested shape rather than the plain type of its FieldSpec.
   */
  private static final Map<Kind, Map<String, ValueType>> NESTED =
      Map.of(
          Kind.FEATURE_FLAG, Map.of("filters", shape("FlagFilters")),
          Kind.COHORT, Map.of("filters", shape("CohortFilters"), "query", ANY_MAPPING),
          Kind.ACTION, Map.of("steps", listOf(shape("ActionStep"))),
          Kind.EXPERIMENT,
              Map.of(
                  "parameters", shape("ExperimentParameters"),
                  "metrics", listOf(shape("ExperimentMetric")),
                  "metrics_secondary", listOf(shape("ExperimentMetric"))),
          Kind.DASHBOARD, Map.of("tiles", listOf(shape("DashboardTile"))));

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
    Stream.of(FlagShapes.shapes(), CohortShapes.shapes(), ResourceShapes.shapes())
        .flatMap(List::stream)
        .forEach(s -> all.put(s.name(), s));
    return all;
  }

  private static Map<Kind, ObjectShape> kindShapes() {
    Map<Kind, ObjectShape> shapes = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      shapes.put(kind, kindShape(kind));
    }
    return shapes;
  }

  private static ObjectShape kindShape(Kind kind) {
    KindSpec spec = KindSpec.of(kind);
    ObjectShape.Builder shape =
        ObjectShape.named(kind.yamlName(), "A " + kind.yamlName() + " document.")
            .required("kind", oneOf(kind.yamlName()), "The kind of this document.");
    for (FieldSpec field : spec.fields().values()) {
      ValueType type =
          NESTED.getOrDefault(kind, Map.of()).getOrDefault(field.name(), plainType(field));
      if (field.required()) {
        shape.required(field.name(), type, field.description());
      } else {
        shape.member(field.name(), type, field.description());
      }
    }
    return shape
        .member(
            "id",
            new Scalar(ScalarKind.INTEGER, List.of(), 1.0, null),
            "Pin to the live object with this id (renames, ambiguous names).")
        .member("deleted", BOOLEAN, "true: a tombstone; the object is soft-deleted on apply.")
        .member(
            "ignore_changes",
            listOf(oneOf(spec.fields().keySet().toArray(String[]::new))),
            "Fields left to the PostHog UI; never compared.")
        .build();
  }

  private static ValueType plainType(FieldSpec field) {
    return switch (field.type()) {
      case STRING ->
          field.allowed().isEmpty() ? STRING : oneOf(field.allowed().toArray(String[]::new));
      case BOOLEAN -> BOOLEAN;
      case INTEGER -> INTEGER;
      case NUMBER -> NUMBER;
      case OBJECT -> ANY_MAPPING;
      case ARRAY -> listOf(ANY);
      case STRING_ARRAY -> listOf(STRING);
      case INTEGER_ARRAY -> listOf(INTEGER);
      case ANY -> ANY;
    };
  }
}
