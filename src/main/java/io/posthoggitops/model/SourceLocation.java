package io.posthoggitops.model;

/** A position in a declaration file; line and column are 1-based. */
public record SourceLocation(String file, int line, int column) {

  public static SourceLocation unknown(String file) {
    return new SourceLocation(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
