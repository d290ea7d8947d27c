package io.posthoggitops.kinds.featureflag;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.PropertyOperators;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What PostHog refuses in one property filter of a release condition
 * (docs/format/feature-flags.md): a list where the operator compares one value, one value where it
 * compares several, a flag dependency compared other than by {@code flag_evaluates_to}, and
 * properties that do not fit how the condition aggregates. Checks PostHog rolls out per deployment
 * (semver and date values that do not parse, regexes that do not compile) are warnings, so no one
 * is blocked by a stricter check than their PostHog's.
 */
final class ConditionChecks {

  private static final Pattern SEMVER =
      Pattern.compile("v?\\d+(\\.(\\d+|\\*|x|X)){0,2}([-+][0-9A-Za-z.+-]+)?");
  private static final Pattern RELATIVE_DATE = Pattern.compile("-?\\d+[hdwmqyHDWMQY]");

  private ConditionChecks() {}

  /**
   * @param groupType the group type index the condition aggregates by, or null for persons
   */
  static void check(DocumentRules doc, JsonNode property, String pointer, Integer groupType) {
    String type = property.path("type").asText();
    String operator = PropertyOperators.canonical(property.path("operator").asText("exact"));
    checkAggregation(doc, property, pointer, type, groupType);
    if (type.equals("flag")
        && property.path("operator").isTextual()
        && !operator.equals("flag_evaluates_to")) {
      doc.errorAtValue(
          pointer + "/operator",
          "a flag dependency is compared with `flag_evaluates_to`, not `" + operator + "`.");
    }
    JsonNode value = property.get("value");
    if (value == null || value.isNull()) {
      return;
    }
    if (PropertyOperators.ONE_VALUE.contains(operator) && value.isArray()) {
      doc.errorAtValue(
          pointer + "/value",
          "operator `"
              + operator
              + "` compares one value, not a list"
              + (operator.endsWith("icontains")
                  ? "; use `" + operator + "_multi` for several."
                  : "; give one value, or one release condition per value."));
    } else if (PropertyOperators.MANY_VALUES.contains(operator) && !value.isArray()) {
      doc.errorAtValue(
          pointer + "/value",
          "operator `" + operator + "` compares a list of values, e.g. [a, b], not one value.");
    } else if (value.isTextual()) {
      warnUnparsed(doc, operator, value.asText(), pointer + "/value");
    } else if (operator.startsWith("semver_") && value.isNumber()) {
      doc.warningAtValue(
          pointer + "/value",
          "`"
              + value.asText()
              + "` is read as a number; quote it (\""
              + value.asText()
              + "\") so PostHog compares it as a version.");
    }
  }

  private static void checkAggregation(
      DocumentRules doc, JsonNode property, String pointer, String type, Integer groupType) {
    if (groupType == null && type.equals("group")) {
      doc.errorAtValue(
          pointer + "/type",
          "a `type: group` property needs a condition that aggregates by its group type; set"
              + " `aggregation_group_type_index` on the condition (or on the flag's filters).");
    } else if (groupType != null && !type.equals("group") && !type.isEmpty()) {
      doc.errorAtValue(
          pointer + "/type",
          "this condition aggregates by group type "
              + groupType
              + ", which takes only `type: group` properties with `group_type_index: "
              + groupType
              + "`, not `type: "
              + type
              + "`.");
    } else if (groupType != null
        && property.path("group_type_index").isIntegralNumber()
        && property.get("group_type_index").asInt() != groupType) {
      doc.errorAtValue(
          pointer + "/group_type_index",
          "this condition aggregates by group type "
              + groupType
              + ", so its properties need `group_type_index: "
              + groupType
              + "`, not "
              + property.get("group_type_index").asInt()
              + ".");
    }
  }

  private static void warnUnparsed(DocumentRules doc, String operator, String value, String at) {
    if (operator.startsWith("semver_") && !SEMVER.matcher(value).matches()) {
      doc.warningAtValue(
          at, "`" + value + "` is not a version such as 1.2.3; PostHog may refuse it.");
    } else if (operator.startsWith("is_date_") && !isDate(value)) {
      doc.warningAtValue(
          at,
          "`"
              + value
              + "` is not a date such as 2025-06-01 or a relative one such as -7d; PostHog may"
              + " refuse it.");
    } else if (operator.endsWith("regex") && !compiles(value)) {
      doc.warningAtValue(
          at, "`" + value + "` is not a regular expression that compiles; PostHog may refuse it.");
    }
  }

  private static boolean isDate(String value) {
    if (RELATIVE_DATE.matcher(value).matches()) {
      return true;
    }
    String iso =
        value.length() > 10 && value.charAt(10) == ' ' ? value.replaceFirst(" ", "T") : value;
    for (Consumer<String> parse :
        List.<Consumer<String>>of(LocalDate::parse, LocalDateTime::parse, OffsetDateTime::parse)) {
      try {
        parse.accept(iso);
        return true;
      } catch (DateTimeParseException e) {
        // the next form, then not a date
      }
    }
    return false;
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
