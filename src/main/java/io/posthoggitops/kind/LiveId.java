package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The id of a live object: a positive integer for most kinds, a UUID for some (early access
 * features). Held as text, written back to JSON as PostHog wrote it.
 *
 * @param value the id's text, e.g. {@code 4821} or {@code 0191b3c2-…}
 */
public record LiveId(String value) implements Comparable<LiveId> {

  public LiveId {
    Objects.requireNonNull(value);
  }

  public static LiveId of(long number) {
    return new LiveId(Long.toString(number));
  }

  /** Whether the id is a number (and written as one in JSON). */
  public boolean isNumeric() {
    // [1-9][0-9]{0,17}, by hand: ids are compared and sorted by the thousand in a large plan
    int length = value.length();
    if (length == 0 || length > 18 || value.charAt(0) < '1' || value.charAt(0) > '9') {
      return false;
    }
    for (int i = 1; i < length; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The id as a JSON value: a number for numeric ids, else a string. */
  public JsonNode json() {
    return isNumeric()
        ? CanonicalJson.NODES.numberNode(Long.parseLong(value))
        : CanonicalJson.NODES.textNode(value);
  }

  /** Numeric ids in numeric order, then the others by text. */
  @Override
  public int compareTo(LiveId other) {
    if (isNumeric() && other.isNumeric()) {
      return Long.compare(Long.parseLong(value), Long.parseLong(other.value));
    }
    return isNumeric() != other.isNumeric() ? (isNumeric() ? -1 : 1) : value.compareTo(other.value);
  }

  /** True when the node holds this id (as a number or as text). */
  public boolean matches(JsonNode node) {
    return node != null && !node.isNull() && node.isValueNode() && node.asText().equals(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
