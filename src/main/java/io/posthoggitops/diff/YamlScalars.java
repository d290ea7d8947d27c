package io.posthoggitops.diff;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes scalars and keys as YAML, quoting a string only where a YAML reader would misread it. */
final class YamlScalars {

  private static final Set<String> RESERVED =
      Set.of(
          "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE", "yes",
          "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "<<", "=");
  // Anything a YAML 1.1 reader could take for a number, date or sexagesimal value.
  private static final Pattern NUMBER_LIKE =
      Pattern.compile("[-+]?\\.?[0-9][-+0-9a-fA-FxXoO_.:eE ]*|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
  private static final String FLOW_SPECIALS = ",[]{}";

  private YamlScalars() {}

  /** A scalar node (string, number, boolean, null) as YAML. */
  static String scalar(JsonNode node, boolean inFlow) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isTextual()) {
      return string(node.textValue(), inFlow);
    }
    if (node.isBigDecimal() || node.isBigInteger()) {
      return node.numberValue().toString();
    }
    return node.asText();
  }

  /** A string, plain when that reads back as the same string, else double-quoted. */
  static String string(String s, boolean inFlow) {
    return needsQuotes(s, inFlow) ? quoted(s) : s;
  }

  static String quoted(String s) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
  }

  private static boolean needsQuotes(String s, boolean inFlow) {
    if (s.isEmpty() || RESERVED.contains(s) || NUMBER_LIKE.matcher(s).matches()) {
      return true;
    }
    if (INDICATORS.indexOf(s.charAt(0)) >= 0
        || Character.isWhitespace(s.charAt(0))
        || Character.isWhitespace(s.charAt(s.length() - 1))) {
      return true;
    }
    if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || (inFlow && FLOW_SPECIALS.indexOf(c) >= 0)) {
        return true;
      }
    }
    return false;
  }
}
