package io.posthoggitops.kind;

/**
 * JSON pointers into a document, and how a user reads them: {@code /filters/groups/0/variant} is
 * {@code filters.groups[0].variant}.
 */
public final class FieldPath {

  private FieldPath() {}

  /** The pointer as a YAML path, e.g. {@code filters.groups[0].variant}. */
  public static String label(String pointer) {
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

  /** {@code `filters.groups[0].variant`}, as messages quote a field. */
  public static String quote(String pointer) {
    return "`" + label(pointer) + "`";
  }

  /** The pointer of member {@code key} of the object at {@code pointer}. */
  public static String member(String pointer, String key) {
    return pointer + "/" + escape(key);
  }

  /** JSON pointer escaping (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
