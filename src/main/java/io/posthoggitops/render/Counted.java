package io.posthoggitops.render;

/** A count with its noun in the right number: {@code 1 live object}, {@code 3 live objects}. */
public final class Counted {

  private Counted() {}

  /** {@code noun} is singular and takes an s in the plural, as every noun the tool counts does. */
  public static String of(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
