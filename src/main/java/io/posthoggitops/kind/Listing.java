package io.posthoggitops.kind;

/**
 * How a kind's live objects are read: the list endpoint paged by {@code limit}/{@code offset} (or
 * answered whole), archived objects listed apart, and one GET per object when the list shape lacks
 * a field the canonical form needs.
 *
 * @param paged pages of {@code limit}/{@code offset}; false for endpoints that answer everything at
 *     once ({@code {"count", "results"}} or just {@code {"results"}})
 * @param withArchived PostHog hides archived objects from the default list: list {@code
 *     archived=true} too and merge by id
 * @param detailField a field only the retrieve shape holds; list items without it are replaced by
 *     one GET each, or null when the list shape is complete
 * @param optional a 404 on the list means this PostHog does not serve the kind (older self-hosted
 *     versions, proxies): the kind is then unavailable rather than an error
 */
public record Listing(boolean paged, boolean withArchived, String detailField, boolean optional) {

  /** Pages of the list endpoint, nothing more. */
  public static Listing pages() {
    return new Listing(true, false, null, false);
  }

  /** One request answered whole. */
  public static Listing whole() {
    return new Listing(false, false, null, false);
  }

  /** Archived objects are listed apart too ({@code archived=true}). */
  public Listing alsoArchived() {
    return new Listing(paged, true, detailField, optional);
  }

  /** List items lacking {@code field} are read one by one. */
  public Listing completedBy(String field) {
    return new Listing(paged, withArchived, field, optional);
  }

  /** A kind newer PostHogs serve: a 404 on its list means "not available here". */
  public Listing onlyWhereServed() {
    return new Listing(paged, withArchived, detailField, true);
  }
}
