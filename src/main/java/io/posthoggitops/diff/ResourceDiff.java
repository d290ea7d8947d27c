package io.posthoggitops.diff;

import java.util.List;

/**
 * What a view shows for one change: diff lines (each starting with {@code "+ "}, {@code "- "},
 * {@code " "} or an {@code @@ PATH @@} hunk header, or a plain sentence for a delete) and the
 * changed leaves for one-line summaries.
 */
public record ResourceDiff(List<String> lines, List<LeafChange> leafChanges) {

  /** The diff as text, one line per entry, each ending in {@code \n}. */
  public String text() {
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
