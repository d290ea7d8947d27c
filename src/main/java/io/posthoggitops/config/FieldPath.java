package io.posthoggitops.config;

/**
 * Names a JSON pointer as a user reads it: {@code /filters/groups/0/variant} → {@code
 * filters.groups[0].variant}.
 */
final class FieldPath {

  private FieldPath() {}

  static String label(String pointer) {
    StringBuilder label = new StringBuilder();
    for (String segment : pointer.substring(Math.min(1, pointer.length())).split("/", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.chars().allMatch(Character::isDigit)) {
        label.append('[').append(segment).append(']');
      } else {
        label
            .append(label.length() == 0 ? "" : ".")
            .append(segment.replace("~1", "/").replace("~0", "~"));
      }
    }
    return label.toString();
  }

  static String member(String pointer, String key) {
    return pointer + "/" + YamlTreeReader.escape(key);
  }
}
