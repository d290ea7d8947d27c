package io.posthoggitops.kind;

import java.util.List;

/**
 * The comparison operators PostHog's property filters take (flags, cohorts, action steps), with the
 * aliases it accepts ({@code min} for {@code gte}, {@code max} for {@code lte}).
 */
public final class PropertyOperators {

  public static final List<String> ALL =
      List.of(
          "exact",
          "is_not",
          "icontains",
          "not_icontains",
          "icontains_multi",
          "not_icontains_multi",
          "regex",
          "not_regex",
          "gt",
          "gte",
          "lt",
          "lte",
          "is_set",
          "is_not_set",
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
          "semver_wildcard",
          "in",
          "not_in",
          "flag_evaluates_to",
          "min",
          "max");

  /** A string that must be one of {@link #ALL}. */
  public static final ValueType TYPE =
      new ValueType.Scalar(ValueType.ScalarKind.STRING, ALL, null, null);

  private PropertyOperators() {}
}
