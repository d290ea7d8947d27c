package io.posthoggitops.render;

import java.util.Locale;

/**
 * Numbers in impact lines (docs/impact.md#numbers): exact below 1,000, then two significant digits
 * under 10 of a unit ({@code 1.2k}, {@code 4M}) and whole units above ({@code 48k}, {@code 230M}),
 * rounded half up; safety warnings give the exact count with thousands separators.
 */
final class CompactNumbers {

  private static final String[] UNITS = {"k", "M", "B", "T"};

  private CompactNumbers() {}

  /** {@code 950}, {@code 1.2k}, {@code 48k}, {@code 1.2M}; never negative. */
  static String compact(long n) {
    if (n < 1000) {
      return Long.toString(Math.max(0, n));
    }
    double unit = 1000;
    for (int u = 0; ; u++) {
      long tenths = Math.round(n * 10.0 / unit);
      if (tenths < 100) {
        return tenths / 10 + (tenths % 10 == 0 ? "" : "." + tenths % 10) + UNITS[u];
      }
      long whole = Math.round(n / unit);
      if (whole < 1000 || u == UNITS.length - 1) {
        return whole + UNITS[u];
      }
      unit *= 1000;
    }
  }

  /** {@code 12,345}. */
  static String exact(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A percentage as written: {@code 50}, {@code 33.3}. */
  static String percentage(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
