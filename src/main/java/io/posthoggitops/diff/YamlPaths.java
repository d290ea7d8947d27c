package io.posthoggitops.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Operations on YAML paths such as {@code filters.groups[1].rollout_percentage}. */
final class YamlPaths {

  static final String TOP_LEVEL = "(top level)";
  private static final Pattern SEGMENT =
      Pattern.compile("\\[(?:\"(?:[^\"\\\\]|\\\\.)*\"|\\d+)]|\\.?[A-Za-z0-9_$-]+");

  private YamlPaths() {}

  /**
   * The deepest container holding every changed line of a hunk: for one changed field, the object
   * it sits in; for changes at the top level only, the field itself or {@code (top level)}.
   */
  static String hunkLabel(List<String> changedPaths) {
    List<List<String>> parents = new ArrayList<>();
    List<List<String>> own = new ArrayList<>();
    for (String path : changedPaths) {
      List<String> segments = segments(path);
      own.add(segments);
      parents.add(segments.isEmpty() ? segments : segments.subList(0, segments.size() - 1));
    }
    String label = join(commonPrefix(parents));
    if (label.isEmpty()) {
      label = join(commonPrefix(own));
    }
    return label.isEmpty() ? TOP_LEVEL : label;
  }

  static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path);
    while (m.find()) {
      String s = m.group();
      segments.add(s.startsWith(".") ? s.substring(1) : s);
    }
    return segments;
  }

  private static List<String> commonPrefix(List<List<String>> paths) {
    if (paths.isEmpty()) {
      return List.of();
    }
    List<String> prefix = paths.get(0);
    for (List<String> path : paths) {
      int n = 0;
      while (n < prefix.size() && n < path.size() && prefix.get(n).equals(path.get(n))) {
        n++;
      }
      prefix = prefix.subList(0, n);
    }
    return prefix;
  }

  private static String join(List<String> segments) {
    StringBuilder out = new StringBuilder();
    for (String s : segments) {
      if (!s.startsWith("[") && out.length() > 0) {
        out.append('.');
      }
      out.append(s);
    }
    return out.toString();
  }
}
