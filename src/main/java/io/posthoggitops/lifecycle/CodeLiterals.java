package io.posthoggitops.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one source file says about flag keys
 * (docs/commands/lifecycle.md#how-keys-in-code-are-found): every string literal that could be a key
 * (a reference to a declared flag, wherever it is written), and the keys passed as literals to
 * PostHog's flag calls (the only places a key no declaration names is reported, so string literals
 * in general never drown the report).
 */
final class CodeLiterals {

  private static final String KEY = "[A-Za-z0-9_-]{1,400}";

  /** A quoted word: {@code 'new-checkout'}, {@code "new-checkout"}, {@code `new-checkout`}. */
  private static final Pattern LITERAL = Pattern.compile("(['\"`])(" + KEY + ")\\1");

  /** The SDK calls whose first argument is a flag key, in the spellings of PostHog's SDKs. */
  static final List<String> CALLS =
      List.of(
          "isFeatureEnabled",
          "getFeatureFlag",
          "getFeatureFlagPayload",
          "getFeatureFlagResult",
          "useFeatureFlagEnabled",
          "useFeatureFlagPayload",
          "useFeatureFlagVariantKey",
          "feature_enabled",
          "is_feature_enabled",
          "get_feature_flag",
          "get_feature_flag_payload",
          "get_feature_flag_result",
          "IsFeatureEnabled",
          "IsFeatureEnabledAsync",
          "GetFeatureFlag",
          "GetFeatureFlagAsync",
          "GetFeatureFlagPayload",
          "GetFeatureFlagPayloadAsync");

  private static final Pattern CALL =
      Pattern.compile(
          "\\b(" + String.join("|", CALLS) + ")(?:\\s*\\(\\s*|\\s+)(['\"`])(" + KEY + ")\\2");

  /** React's {@code <PostHogFeature flag="key">}. */
  private static final Pattern COMPONENT =
      Pattern.compile("<(PostHogFeature)\\b[^>]*?\\bflag\\s*=\\s*\\{?\\s*(['\"`])(" + KEY + ")\\2");

  /** Go's {@code posthog.FeatureFlagPayload{Key: "key", ...}}. */
  private static final Pattern GO_PAYLOAD =
      Pattern.compile("\\b(FeatureFlagPayload)\\s*\\{[^}]*?\\bKey:\\s*(\")(" + KEY + ")\\2");

  /**
   * A key passed to a flag call.
   *
   * @param call the call's name, e.g. {@code isFeatureEnabled}
   * @param line from 1
   * @param column of the key's first character, from 1
   */
  record Call(String key, String call, int line, int column) {}

  /** The literals and calls of one file. */
  record Found(Set<String> literals, List<Call> calls) {}

  private CodeLiterals() {}

  static Found in(String text) {
    Set<String> literals = new LinkedHashSet<>();
    Matcher literal = LITERAL.matcher(text);
    while (literal.find()) {
      literals.add(literal.group(2));
    }
    Lines lines = new Lines(text);
    List<Call> calls = new ArrayList<>();
    for (Pattern pattern : List.of(CALL, COMPONENT, GO_PAYLOAD)) {
      Matcher call = pattern.matcher(text);
      while (call.find()) {
        int at = call.start(3);
        calls.add(new Call(call.group(3), call.group(1), lines.line(at), lines.column(at)));
      }
    }
    calls.sort((a, b) -> a.line() != b.line() ? a.line() - b.line() : a.column() - b.column());
    return new Found(literals, calls);
  }

  /** Offsets to 1-based lines and columns. */
  private static final class Lines {
    private final List<Integer> starts = new ArrayList<>(List.of(0));

    Lines(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
    }

    int line(int offset) {
      int low = 0;
      int high = starts.size() - 1;
      while (low < high) {
        int middle = (low + high + 1) / 2;
        if (starts.get(middle) <= offset) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low + 1;
    }

    int column(int offset) {
      return offset - starts.get(line(offset) - 1) + 1;
    }
  }
}
