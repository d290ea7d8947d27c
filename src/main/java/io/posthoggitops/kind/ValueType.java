package io.posthoggitops.kind;

import java.util.List;
import java.util.Map;

/**
 * The expected type of a value in a declaration. Validation and the JSON Schema both read these, so
 * what {@code validate} accepts and what an editor completes are the same thing.
 */
public sealed interface ValueType {

  /** JSON types of a scalar. */
  enum ScalarKind {
    STRING("a string", "string"),
    BOOLEAN("true or false", "boolean"),
    INTEGER("an integer", "integer"),
    NUMBER("a number", "number"),
    /** An integer, or a string of digits, which PostHog reads as the integer. */
    WHOLE_NUMBER("a whole number", "integer"),
    /** A number or a string (display keys PostHog keeps as given). */
    NUMBER_OR_TEXT("a number or a string", "string");

    private final String phrase;
    private final String jsonType;

    ScalarKind(String phrase, String jsonType) {
      this.phrase = phrase;
      this.jsonType = jsonType;
    }

    /** How a message names the type, e.g. {@code an integer}. */
    public String phrase() {
      return phrase;
    }

    /** The JSON Schema type name. */
    public String jsonType() {
      return jsonType;
    }
  }

  /** A scalar, optionally one of {@code allowed} values or within {@code [min, max]}. */
  record Scalar(ScalarKind kind, List<String> allowed, Double min, Double max)
      implements ValueType {}

  /** A mapping described by the named {@link ObjectShape}. */
  record ShapeRef(String shape) implements ValueType {}

  /** A list whose items all have one type. */
  record ListOf(ValueType item) implements ValueType {}

  /** A mapping of names the user chooses (environments) to values of one type. */
  record MapOf(ValueType value) implements ValueType {}

  /**
   * A mapping whose shape depends on the value of one of its keys, e.g. cohort filter nodes chosen
   * by {@code type}.
   */
  record ByKey(String key, Map<String, String> shapes) implements ValueType {}

  /** Anything: queries, metrics, layouts and other blobs PostHog owns the format of. */
  record AnyValue(boolean mappingOnly) implements ValueType {}

  ValueType ANY = new AnyValue(false);
  ValueType ANY_MAPPING = new AnyValue(true);
  ValueType STRING = scalar(ScalarKind.STRING);
  ValueType BOOLEAN = scalar(ScalarKind.BOOLEAN);
  ValueType INTEGER = scalar(ScalarKind.INTEGER);
  ValueType NUMBER = scalar(ScalarKind.NUMBER);
  ValueType WHOLE_NUMBER = scalar(ScalarKind.WHOLE_NUMBER);
  ValueType NUMBER_OR_TEXT = scalar(ScalarKind.NUMBER_OR_TEXT);
  ValueType PERCENTAGE = new Scalar(ScalarKind.NUMBER, List.of(), 0.0, 100.0);

  public static ValueType scalar(ScalarKind kind) {
    return new Scalar(kind, List.of(), null, null);
  }

  public static ValueType oneOf(String... values) {
    return new Scalar(ScalarKind.STRING, List.of(values), null, null);
  }

  public static ValueType listOf(ValueType item) {
    return new ListOf(item);
  }

  public static ValueType mapOf(ValueType value) {
    return new MapOf(value);
  }

  public static ValueType shape(String name) {
    return new ShapeRef(name);
  }
}
