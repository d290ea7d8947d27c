package io.posthoggitops.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The known name closest to a misspelt one, for "did you mean" hints. */
final class Suggestions {

  private Suggestions() {}

  /** The nearest candidate within a third of the word's length in edits, if any. */
  static Optional<String> nearest(String word, List<String> candidates) {
    int allowed = Math.max(2, word.length() / 3);
    return candidates.stream()
        .filter(c -> distance(word, c) <= allowed)
        .min(Comparator.comparingInt(c -> distance(word, c)));
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
