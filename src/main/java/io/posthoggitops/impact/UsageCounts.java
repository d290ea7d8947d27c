package io.posthoggitops.impact;

import java.util.Map;

/**
 * The answer to the usage query: calls per key called.
 *
 * @param rows the calls of each key that has a row
 * @param complete false when PostHog cut the rows short, so a key without a row is not known to
 *     have no calls
 */
public record UsageCounts(Map<String, Calls> rows, boolean complete) {

  /** The key's calls; none for a key without a row; null when that is not known. */
  public Calls of(String key) {
    Calls calls = rows.get(key);
    return calls != null ? calls : complete ? Calls.NONE : null;
  }
}
