package io.posthoggitops.lifecycle;

/**
 * A flag key passed as a literal to a flag call in a source file.
 *
 * @param call the call, e.g. {@code isFeatureEnabled}
 * @param file the file, under the scanned folder as given
 * @param line from 1
 * @param column of the key's first character, from 1
 */
public record KeyInCode(String key, String call, String file, int line, int column) {

  /** {@code src/checkout.ts:12:31}. */
  public String location() {
    return file + ":" + line + ":" + column;
  }
}
