package io.posthoggitops.kind;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The comparison operators PostHog's property filters take (flags, cohorts, action steps), what
 * value each compares, and the aliases PostHog accepts ({@code min} for {@code gte}, {@code max}
 * for {@code lte}).
 */
public final class PropertyOperators {

  /** Operators that compare one value: PostHog refuses a list for these. */
  public static final Set<String> ONE_VALUE =
      Set.of(
          "icontains",
          "not_icontains",
          "regex",
          "not_regex",
          "gt",
          "gte",
          "lt",
          "lte",
          "is_date_exact",
          "is_date_after",
          "is_date_before",
          "semver_eq",
          "semver_neq",
          "semver_gt",
          "semver_gte",
          "semver_lt",
          "semver_lte",
          "semver_tilde",
          "semver_caret",
          "semver_wildcard");

  /** Operators that compare a list of values: PostHog refuses one value for these. */
  public static final Set<String> MANY_VALUES = Set.of("icontains_multi", "not_icontains_multi");

  /** What PostHog rewrites each alias to. */
  public static final Map<String, String> ALIASES = Map.of("min", "gte", "max", "lte");

  /** Every operator and alias, sorted, as validation lists them. */
  public static final List<String> ALL =
      Stream.of(
              ONE_VALUE.stream(),
              MANY_VALUES.stream(),
              ALIASES.keySet().stream(),
              Stream.of("exact", "is_not", "is_set", "is_not_set", "in", "not_in"),
              Stream.of("flag_evaluates_to"))
          .flatMap(s -> s)
          .sorted()
          .toList();

  /** A string that must be one of {@link #ALL}. */
  public static final ValueType TYPE =
      new ValueType.Scalar(ValueType.ScalarKind.STRING, ALL, null, null);

  private PropertyOperators() {}

  /** The operator PostHog stores for {@code operator}: an alias's target, else itself. */
  public static String canonical(String operator) {
    return ALIASES.getOrDefault(operator, operator);
  }
}
