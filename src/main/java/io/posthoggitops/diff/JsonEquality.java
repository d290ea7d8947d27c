package io.posthoggitops.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON equality where numbers compare by value ({@code 50} equals {@code 50.0}). */
final class JsonEquality {

  private static final Comparator<JsonNode> NUMERIC =
      (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
          return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
      };

  private JsonEquality() {}

  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(NUMERIC, b);
  }
}
