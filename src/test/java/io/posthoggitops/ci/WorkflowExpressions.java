package io.posthoggitops.ci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of GitHub's expression language the workflows here use: context paths ({@code
 * inputs.path}, {@code github.event.pull_request.base.sha}), string, number and boolean literals,
 * {@code ! == != && ||}, parentheses, {@code format()} and the status functions. Anything else
 * fails the test, so a workflow cannot quietly depend on what this runner does not evaluate.
 */
final class WorkflowExpressions {

  private static final Pattern TEMPLATE = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(==|!=|&&|\\|\\||!|\\(|\\)|,|'(?:[^']|'')*'|-?[0-9]+(?:\\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_.-]*)");

  private final Map<String, Object> contexts;
  private final BooleanSupplier success;

  /**
   * @param contexts the named contexts: maps, JSON nodes and plain values
   * @param success whether every step so far succeeded, for {@code success()} and {@code failure()}
   */
  WorkflowExpressions(Map<String, Object> contexts, BooleanSupplier success) {
    this.contexts = contexts;
    this.success = success;
  }

  /** A value with {@code ${{ … }}} parts replaced by their results. */
  String interpolate(String text) {
    Matcher m = TEMPLATE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(asString(evaluate(m.group(1)))));
    }
    return m.appendTail(out).toString();
  }

  /** An {@code if:}: a bare expression or one inside {@code ${{ }}}. */
  boolean condition(String text) {
    String bare = text.strip();
    if (bare.startsWith("${{") && bare.endsWith("}}")) {
      bare = bare.substring(3, bare.length() - 2);
    }
    return truthy(evaluate(bare));
  }

  Object evaluate(String expression) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(expression);
    int at = 0;
    while (at < expression.length() && m.find(at) && m.start() == at) {
      tokens.add(m.group(1));
      at = m.end();
    }
    if (!expression.substring(at).isBlank()) {
      throw new IllegalArgumentException("cannot evaluate '" + expression + "' at " + at);
    }
    Parser parser = new Parser(tokens);
    Object value = parser.or();
    if (parser.at < tokens.size()) {
      throw new IllegalArgumentException("cannot evaluate '" + expression + "'");
    }
    return value;
  }

  static boolean truthy(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    return value != null;
  }

  static String asString(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return value instanceof JsonNode node && !node.isContainerNode()
        ? node.asText()
        : value.toString();
  }

  private final class Parser {
    final List<String> tokens;
    int at;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    String peek() {
      return at < tokens.size() ? tokens.get(at) : "";
    }

    Object or() {
      Object left = and();
      while (peek().equals("||")) {
        at++;
        Object right = and();
        left = truthy(left) ? left : right;
      }
      return left;
    }

    Object and() {
      Object left = comparison();
      while (peek().equals("&&")) {
        at++;
        Object right = comparison();
        left = truthy(left) ? right : left;
      }
      return left;
    }

    Object comparison() {
      Object left = unary();
      if (peek().equals("==") || peek().equals("!=")) {
        boolean equal = tokens.get(at++).equals("==");
        Object right = unary();
        boolean same =
            asString(left)
                .toLowerCase(Locale.ROOT)
                .equals(asString(right).toLowerCase(Locale.ROOT));
        return same == equal;
      }
      return left;
    }

    Object unary() {
      if (peek().equals("!")) {
        at++;
        return !truthy(unary());
      }
      return primary();
    }

    Object primary() {
      String token = tokens.get(at++);
      if (token.equals("(")) {
        Object value = or();
        expect(")");
        return value;
      }
      if (token.startsWith("'")) {
        return token.substring(1, token.length() - 1).replace("''", "'");
      }
      if (token.matches("-?[0-9].*")) {
        return Double.parseDouble(token);
      }
      if (token.equals("true") || token.equals("false")) {
        return Boolean.parseBoolean(token);
      }
      if (token.equals("null")) {
        return null;
      }
      if (peek().equals("(")) {
        at++;
        List<Object> args = new ArrayList<>();
        while (!peek().equals(")")) {
          args.add(or());
          if (peek().equals(",")) {
            at++;
          }
        }
        expect(")");
        return call(token, args);
      }
      return lookup(token);
    }

    Object call(String function, List<Object> args) {
      return switch (function) {
        case "always" -> true;
        case "success" -> success.getAsBoolean();
        case "failure" -> !success.getAsBoolean();
        case "cancelled" -> false;
        case "format" -> {
          String text = asString(args.get(0));
          for (int i = 1; i < args.size(); i++) {
            text = text.replace("{" + (i - 1) + "}", asString(args.get(i)));
          }
          yield text;
        }
        default -> throw new IllegalArgumentException(function + "() is not supported");
      };
    }

    void expect(String token) {
      if (!peek().equals(token)) {
        throw new IllegalArgumentException("expected " + token + " in " + tokens);
      }
      at++;
    }
  }

  /** A JSON scalar as the Java value expressions compare; objects and arrays stay JSON. */
  private static Object plain(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    return node.isTextual() ? node.asText() : node;
  }

  private Object lookup(String path) {
    String[] parts = path.split("\\.");
    if (!contexts.containsKey(parts[0])) {
      throw new IllegalArgumentException("context " + parts[0] + " is not available here");
    }
    Object value = contexts.get(parts[0]);
    for (int i = 1; i < parts.length && value != null; i++) {
      if (value instanceof Map<?, ?> map) {
        value = map.get(parts[i]);
      } else if (value instanceof JsonNode node) {
        value = plain(node.get(parts[i]));
      } else {
        value = null;
      }
    }
    return value;
  }
}
