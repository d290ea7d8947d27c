package io.posthoggitops.kind;

/**
 * Where a walk over a document is, spelled as a JSON pointer only when asked (for a message or a
 * reference found): most nodes are passed without either, and building every node's pointer was
 * most of a walk over a large folder.
 */
public record PointerPath(PointerPath parent, String key, int index) {

  /** The document itself, pointer {@code ""}. */
  public static final PointerPath ROOT = at("");

  /** A walk that starts at {@code pointer}. */
  public static PointerPath at(String pointer) {
    return new PointerPath(null, pointer, -1);
  }

  public boolean isRoot() {
    return parent == null && key.isEmpty();
  }

  /** Member {@code name} of the object here. */
  public PointerPath member(String name) {
    return new PointerPath(this, name, -1);
  }

  /** Item {@code i} of the list here. */
  public PointerPath item(int i) {
    return new PointerPath(this, null, i);
  }

  /** The JSON pointer, e.g. {@code /filters/groups/0}. */
  public String pointer() {
    if (parent == null) {
      return key;
    }
    return key != null ? FieldPath.member(parent.pointer(), key) : parent.pointer() + "/" + index;
  }
}
