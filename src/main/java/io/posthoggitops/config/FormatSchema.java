package io.posthoggitops.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.ObjectShape;
import io.posthoggitops.kind.ValueType;
import io.posthoggitops.kind.ValueType.AnyValue;
import io.posthoggitops.kind.ValueType.ByKey;
import io.posthoggitops.kind.ValueType.ListOf;
import io.posthoggitops.kind.ValueType.MapOf;
import io.posthoggitops.kind.ValueType.Scalar;
import io.posthoggitops.kind.ValueType.ScalarKind;
import io.posthoggitops.kind.ValueType.ShapeRef;
import io.posthoggitops.kinds.Kinds;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Schema (draft 2020-12) of the declaration format, generated from the same shapes that
 * {@code validate} checks against, so an editor and the CLI agree on what a document may hold.
 */
public final class FormatSchema {

  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FormatSchema() {}

  /** The whole schema: one document of any of the five kinds, chosen by {@code kind}. */
  public static ObjectNode generate() {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", DIALECT);
    schema.put("title", "posthog-gitops declaration");
    schema.put("description", "One PostHog resource per YAML document; `kind` says which.");
    schema.put("type", "object");
    schema.putArray("required").add("kind");
    ArrayNode kinds = schema.putObject("properties").putObject("kind").putArray("enum");
    ArrayNode allOf = schema.putArray("allOf");
    ObjectNode defs = NODES.objectNode();
    for (Kind kind : Kinds.all()) {
      kinds.add(kind.name());
      allOf.add(ifKind(kind));
      defs.set(kind.name(), object(FormatShapes.of(kind)));
      defs.set(kind.name() + "Tombstone", tombstone(kind));
    }
    FormatShapes.nested().forEach((name, shape) -> defs.set(name, object(shape)));
    schema.set("$defs", defs);
    return schema;
  }

  /** {@code if kind == K then (tombstone ? K's tombstone : K's shape)}. */
  private static ObjectNode ifKind(Kind kind) {
    ObjectNode rule = NODES.objectNode();
    ObjectNode condition = rule.putObject("if");
    condition.putObject("properties").putObject("kind").put("const", kind.name());
    condition.putArray("required").add("kind");
    ObjectNode then = rule.putObject("then");
    ObjectNode isTombstone = then.putObject("if");
    isTombstone.putObject("properties").putObject("deleted").put("const", true);
    isTombstone.putArray("required").add("deleted");
    then.putObject("then").put("$ref", "#/$defs/" + kind.name() + "Tombstone");
    then.putObject("else").put("$ref", "#/$defs/" + kind.name());
    return rule;
  }

  /** A tombstone needs only its kind and identity; other fields are ignored. */
  private static ObjectNode tombstone(Kind kind) {
    ObjectNode schema = NODES.objectNode();
    schema.put("description", "A tombstone: the " + kind.name() + " is soft-deleted on apply.");
    schema.put("type", "object");
    schema.putArray("required").add("kind").add(kind.identityField());
    schema.putObject("properties").putObject(kind.identityField()).put("type", "string");
    return schema;
  }

  private static ObjectNode object(ObjectShape shape) {
    ObjectNode schema = NODES.objectNode();
    schema.put("description", shape.description());
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (Map.Entry<String, ValueType> member : shape.members().entrySet()) {
      boolean required = shape.required().contains(member.getKey());
      ObjectNode property = nullable(type(member.getValue()), !required);
      property.put("description", shape.descriptions().get(member.getKey()));
      properties.set(member.getKey(), property);
    }
    if (!shape.required().isEmpty()) {
      ArrayNode required = schema.putArray("required");
      shape.required().forEach(required::add);
    }
    if (!shape.open()) {
      schema.put("additionalProperties", false);
    }
    return schema;
  }

  private static ObjectNode type(ValueType type) {
    ObjectNode schema = NODES.objectNode();
    if (type instanceof Scalar scalar) {
      scalarType(schema, scalar.kind());
      if (!scalar.allowed().isEmpty()) {
        scalar.allowed().forEach(schema.putArray("enum")::add);
      }
      if (scalar.min() != null) {
        schema.put("minimum", scalar.min().intValue());
      }
      if (scalar.max() != null) {
        schema.put("maximum", scalar.max().intValue());
      }
    } else if (type instanceof ShapeRef ref) {
      schema.put("$ref", "#/$defs/" + ref.shape());
    } else if (type instanceof ListOf list) {
      schema.put("type", "array");
      schema.set("items", type(list.item()));
    } else if (type instanceof MapOf map) {
      schema.put("type", "object");
      schema.set("additionalProperties", type(map.value()));
    } else if (type instanceof ByKey byKey) {
      return byKey(byKey);
    } else if (type instanceof AnyValue any && any.mappingOnly()) {
      schema.put("type", "object");
    }
    return schema;
  }

  /** The JSON type of a scalar; the two that take a number or a string as a pair of types. */
  private static void scalarType(ObjectNode schema, ScalarKind kind) {
    switch (kind) {
      case WHOLE_NUMBER -> {
        schema.putArray("type").add("integer").add("string");
        schema.put("pattern", "^-?[0-9]+$");
      }
      case NUMBER_OR_TEXT -> schema.putArray("type").add("number").add("string");
      default -> schema.put("type", kind.jsonType());
    }
  }

  /** One shape per value of the selecting key, as if/then pairs so editors report the right one. */
  private static ObjectNode byKey(ByKey byKey) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    schema.putArray("required").add(byKey.key());
    ArrayNode values = schema.putObject("properties").putObject(byKey.key()).putArray("enum");
    ArrayNode allOf = schema.putArray("allOf");
    for (Map.Entry<String, String> choice : new TreeMap<>(byKey.shapes()).entrySet()) {
      values.add(choice.getKey());
      ObjectNode rule = allOf.addObject();
      rule.putObject("if")
          .putObject("properties")
          .putObject(byKey.key())
          .put("const", choice.getKey());
      rule.putObject("then").put("$ref", "#/$defs/" + choice.getValue());
    }
    return schema;
  }

  /** Optional members accept null, as PostHog does. */
  private static ObjectNode nullable(ObjectNode schema, boolean allowNull) {
    if (!allowNull || !schema.has("type") && !schema.has("$ref")) {
      return schema;
    }
    ObjectNode wrapper = NODES.objectNode();
    wrapper.putArray("anyOf").add(schema).addObject().put("type", "null");
    return wrapper;
  }
}
