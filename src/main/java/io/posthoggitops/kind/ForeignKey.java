package io.posthoggitops.kind;

/**
 * A part of one kind's objects that something else writes: another PostHog product (an experiment's
 * holdout in its flag's filters) or another kind (an early access feature's enrollment in its
 * flag). It is compared only where a document declares it; otherwise the live value is kept, also
 * in a whole-field PATCH, so a write never undoes what the other side set.
 *
 * @param targetWord the written kind's {@link Kind#referenceWord()}
 * @param pointer JSON pointer of the written key, e.g. {@code /filters/feature_enrollment}
 */
public record ForeignKey(String targetWord, String pointer) {

  /** The top-level field the key sits in. */
  public String field() {
    int slash = pointer.indexOf('/', 1);
    return slash < 0 ? pointer.substring(1) : pointer.substring(1, slash);
  }
}
