package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.posthoggitops.kind.JsonNodes;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a YAML scalar into a JSON value the way Jackson's YAML reader does (YAML 1.2 core schema):
 * only {@code true}/{@code false} are booleans, so {@code yes}, {@code no}, {@code on} and {@code
 * off} stay strings, and quoted scalars are always strings.
 */
final class YamlScalars {

  private static final JsonNodeFactory NODES = JsonNodes.FACTORY;
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
  private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");

  private YamlScalars() {}

  static JsonNode resolve(String text, boolean plain) {
    if (!plain) {
      return NODES.textNode(text);
    }
    if (NULLS.contains(text)) {
      return NODES.nullNode();
    }
    if (TRUES.contains(text) || FALSES.contains(text)) {
      return NODES.booleanNode(TRUES.contains(text));
    }
    if (!numberStart(text.charAt(0))) {
      return NODES.textNode(text); // most scalars: no patterns to match
    }
    int small = smallInteger(text);
    if (small != Integer.MIN_VALUE) {
      return NODES.numberNode(small); // most numbers: a few digits, no pattern to match
    }
    String digits = text.replace("_", "");
    if (INTEGER.matcher(text).matches()) {
      BigInteger value = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
      return number(value);
    }
    if (DECIMAL.matcher(text).matches()) {
      return NODES.numberNode(Double.parseDouble(digits));
    }
    return NODES.textNode(text);
  }

  /**
   * The value of {@code 0} or of at most nine digits without a leading zero, optionally after
   * {@code -}, or {@code Integer.MIN_VALUE} for any other text.
   */
  private static int smallInteger(String text) {
    int from = text.charAt(0) == '-' ? 1 : 0;
    int length = text.length() - from;
    if (length < 1 || length > 9 || length > 1 && text.charAt(from) == '0') {
      return Integer.MIN_VALUE;
    }
    int value = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Integer.MIN_VALUE;
      }
      value = value * 10 + (c - '0');
    }
    return from == 1 ? -value : value;
  }

  /** Whether a number can start with the character: a digit, a sign or a decimal point. */
  private static boolean numberStart(char c) {
    return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
  }

  /** The smallest node that holds the value, as Jackson's own reader picks it. */
  private static JsonNode number(BigInteger value) {
    if (value.bitLength() < 32) {
      return NODES.numberNode(value.intValue());
    }
    return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
  }
}
