package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One declaration being checked by its kind's own rules: its fields, and where problems found in it
 * are reported (at the exact position of a key or value).
 */
public interface DocumentRules {

  /** The document's PostHog fields (our own keys left out). */
  JsonNode fields();

  /** The value of the kind's identity field. */
  String identity();

  /** An error at the value the pointer names. */
  void errorAtValue(String pointer, String message);

  /** An error at the key the pointer names (or the start of an array item). */
  void errorAtKey(String pointer, String message);

  /** A warning at the value the pointer names: PostHog may refuse it, depending on its version. */
  void warningAtValue(String pointer, String message);
}
