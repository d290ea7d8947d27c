package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.kind.JsonTypes;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.ObjectShape;
import io.posthoggitops.kind.PointerPath;
import io.posthoggitops.kind.Suggestions;
import io.posthoggitops.kind.ValueType;
import io.posthoggitops.kind.ValueType.AnyValue;
import io.posthoggitops.kind.ValueType.ByKey;
import io.posthoggitops.kind.ValueType.ListOf;
import io.posthoggitops.kind.ValueType.MapOf;
import io.posthoggitops.kind.ValueType.Scalar;
import io.posthoggitops.kind.ValueType.ShapeRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a document against its {@link ObjectShape}s: unknown fields (with a suggestion), missing
 * required fields, types, enums and ranges, at every level.
 */
final class ShapeChecker {

  private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");

  private final ParsedDocument document;
  private final Findings findings;
  private final String documentLabel;
  private final Set<String> checkedElsewhere;
  private final Function<String, ObjectShape> shapes;

  private ShapeChecker(
      ParsedDocument document,
      Findings findings,
      String documentLabel,
      Set<String> checkedElsewhere,
      Function<String, ObjectShape> shapes) {
    this.document = document;
    this.findings = findings;
    this.documentLabel = documentLabel;
    this.checkedElsewhere = checkedElsewhere;
    this.shapes = shapes;
  }

  /**
   * Checks a declaration's fields against its kind's shape; our own keys and the identity are
   * checked by {@link DeclarationReader}.
   *
   * @param documentLabel how messages name the document itself, e.g. {@code FeatureFlag `beta`}
   */
  static void check(ParsedDocument document, Kind kind, String documentLabel, Findings findings) {
    Set<String> ours = new HashSet<>(KindSpec.COMMON_KEYS);
    ours.add(kind.identityField());
    new ShapeChecker(document, findings, documentLabel, ours, FormatShapes::named)
        .checkObject(document.root(), FormatShapes.of(kind), PointerPath.ROOT);
  }

  /** Checks any document against a shape whose nested shapes {@code shapes} names. */
  static void check(
      ParsedDocument document,
      ObjectShape shape,
      Function<String, ObjectShape> shapes,
      String documentLabel,
      Findings findings) {
    new ShapeChecker(document, findings, documentLabel, Set.of(), shapes)
        .checkObject(document.root(), shape, PointerPath.ROOT);
  }

  private void check(JsonNode value, ValueType type, PointerPath at) {
    if (type instanceof Scalar scalar) {
      checkScalar(value, scalar, at);
    } else if (type instanceof ShapeRef ref) {
      checkObject(value, shapes.apply(ref.shape()), at);
    } else if (type instanceof ListOf list) {
      checkList(value, list, at);
    } else if (type instanceof ByKey byKey) {
      checkByKey(value, byKey, at);
    } else if (type instanceof MapOf map) {
      checkMap(value, map, at);
    } else if (type instanceof AnyValue any && any.mappingOnly() && !value.isObject()) {
      wrongType(at.pointer(), "a mapping", value);
    }
  }

  private void checkObject(JsonNode value, ObjectShape shape, PointerPath at) {
    if (!value.isObject()) {
      wrongType(at.pointer(), "a mapping", value);
      return;
    }
    for (Map.Entry<String, JsonNode> member : value.properties()) {
      ValueType type = shape.members().get(member.getKey());
      if (at.isRoot() && checkedByReader(member.getKey())) {
        continue;
      }
      PointerPath memberAt = at.member(member.getKey());
      if (type == null) {
        if (!shape.open()) {
          reportUnknown(member.getKey(), shape, at.pointer(), memberAt.pointer());
        }
      } else if (member.getValue().isNull()) {
        if (shape.required().contains(member.getKey())) {
          reportNull(memberAt.pointer());
        }
      } else {
        check(member.getValue(), type, memberAt);
      }
    }
    for (String required : shape.required()) {
      if (!value.has(required) && !(at.isRoot() && checkedByReader(required))) {
        String pointer = at.pointer();
        findings.error(
            document.key(pointer),
            where(pointer) + " is missing required field `" + required + "`.");
      }
    }
  }

  /** Our own root keys and the identity, which {@link DeclarationReader} checks itself. */
  private boolean checkedByReader(String rootKey) {
    return checkedElsewhere.contains(rootKey);
  }

  private void checkMap(JsonNode value, MapOf map, PointerPath at) {
    if (!value.isObject()) {
      wrongType(at.pointer(), "a mapping", value);
      return;
    }
    for (Map.Entry<String, JsonNode> member : value.properties()) {
      check(member.getValue(), map.value(), at.member(member.getKey()));
    }
  }

  private void checkList(JsonNode value, ListOf list, PointerPath at) {
    if (!value.isArray()) {
      wrongType(at.pointer(), "a list", value);
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      check(value.get(i), list.item(), at.item(i));
    }
  }

  private void checkByKey(JsonNode value, ByKey byKey, PointerPath at) {
    if (!value.isObject()) {
      wrongType(at.pointer(), "a mapping", value);
      return;
    }
    JsonNode selector = value.get(byKey.key());
    String shape = selector == null ? null : byKey.shapes().get(selector.asText());
    String pointer = shape != null ? null : at.pointer();
    if (shape != null) {
      checkObject(value, shapes.apply(shape), at);
    } else if (selector == null) {
      findings.error(
          document.key(pointer),
          where(pointer)
              + " is missing required field `"
              + byKey.key()
              + "` (one of "
              + String.join(", ", byKey.shapes().keySet().stream().sorted().toList())
              + ").");
    } else {
      String member = FieldPath.member(pointer, byKey.key());
      findings.error(
          document.value(member),
          "`"
              + FieldPath.label(member)
              + "` must be one of "
              + String.join(", ", byKey.shapes().keySet().stream().sorted().toList())
              + ", not `"
              + selector.asText()
              + "`"
              + Suggestions.orPeriod(selector.asText(), byKey.shapes().keySet()));
    }
  }

  private void checkScalar(JsonNode value, Scalar scalar, PointerPath at) {
    if (!matches(value, scalar.kind())) {
      wrongType(
          at.pointer(),
          scalar.allowed().isEmpty()
              ? scalar.kind().phrase()
              : "one of " + String.join(", ", scalar.allowed()),
          value);
    } else if (!scalar.allowed().isEmpty() && !scalar.allowed().contains(value.asText())) {
      String pointer = at.pointer();
      findings.error(
          document.value(pointer),
          "`"
              + FieldPath.label(pointer)
              + "` must be one of "
              + String.join(", ", scalar.allowed())
              + ", not `"
              + value.asText()
              + "`"
              + Suggestions.orPeriod(value.asText(), scalar.allowed()));
    } else if (outOfRange(value, scalar)) {
      String pointer = at.pointer();
      findings.error(
          document.value(pointer),
          "`"
              + FieldPath.label(pointer)
              + "` must be "
              + range(scalar)
              + ", not "
              + value.asText()
              + ".");
    }
  }

  private static boolean matches(JsonNode value, ValueType.ScalarKind kind) {
    return switch (kind) {
      case STRING -> value.isTextual();
      case BOOLEAN -> value.isBoolean();
      case INTEGER -> value.isIntegralNumber();
      case NUMBER -> value.isNumber();
      case WHOLE_NUMBER ->
          value.isIntegralNumber() || value.isTextual() && DIGITS.matcher(value.asText()).matches();
      case NUMBER_OR_TEXT -> value.isNumber() || value.isTextual();
    };
  }

  private static boolean outOfRange(JsonNode value, Scalar scalar) {
    return (scalar.min() != null && value.asDouble() < scalar.min())
        || (scalar.max() != null && value.asDouble() > scalar.max());
  }

  private static String range(Scalar scalar) {
    if (scalar.max() == null) {
      return "at least " + Math.round(scalar.min());
    }
    return "between " + Math.round(scalar.min()) + " and " + Math.round(scalar.max());
  }

  private void reportUnknown(String key, ObjectShape shape, String pointer, String memberPointer) {
    String hint = Suggestions.didYouMean(key, shape.members().keySet());
    findings.error(
        document.key(memberPointer),
        "unknown field `"
            + key
            + "` in "
            + where(pointer)
            + (hint.isEmpty()
                ? "; allowed fields: " + String.join(", ", shape.members().keySet()) + "."
                : hint));
  }

  private void reportNull(String memberPointer) {
    findings.error(
        document.value(memberPointer),
        "`" + FieldPath.label(memberPointer) + "` must have a value, not null.");
  }

  private void wrongType(String pointer, String expected, JsonNode value) {
    findings.error(
        document.value(pointer),
        where(pointer) + " must be " + expected + ", not " + JsonTypes.describe(value) + ".");
  }

  private String where(String pointer) {
    return pointer.isEmpty() ? documentLabel : "`" + FieldPath.label(pointer) + "`";
  }
}
