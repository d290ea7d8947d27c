package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A kind of PostHog object this tool manages, described for the shared pipeline: its YAML name and
 * identity, its fields and shapes, its own validation rules, its canonical form, where references
 * sit, how it is listed, how it is written and removed, and what it owns. Each kind lives in a
 * package of its own under {@code kinds}; the pipeline knows kinds only through this interface.
 * Defaults describe the plain case, so a simple kind overrides little.
 */
public interface Kind {

  /**
   * The name in YAML's {@code kind:} and in {@code --target KIND/IDENTITY}, e.g. {@code Cohort}.
   */
  String name();

  /** The field whose value identifies a document of this kind, e.g. {@code key}. */
  String identityField();

  /** The path segment under {@code /api/projects/{id}/}, e.g. {@code feature_flags}. */
  String resource();

  /** The folder {@code export} writes this kind to, e.g. {@code feature-flags}. */
  default String folderName() {
    return resource().replace('_', '-');
  }

  /** How other documents refer to one of these by name ({@code {cohort: NAME}}), or null. */
  default String referenceWord() {
    return null;
  }

  /** The writable and server fields. */
  KindSpec spec();

  /** Nested shapes its fields use (names unique across kinds), for validation and the schema. */
  default List<ObjectShape> shapes() {
    return List.of();
  }

  /** Its own rules, beyond shapes and references: what PostHog itself refuses. */
  default void check(DocumentRules document) {}

  /** Where references to other objects sit in its documents. */
  default List<ReferenceSlot> referenceSlots() {
    return List.of();
  }

  /** Its rewrites of the canonical form. */
  default CanonicalForm form() {
    return CanonicalForm.NONE;
  }

  /** Keys of its objects that other PostHog products write (compared only where declared). */
  default List<ForeignKey> foreignKeys() {
    return List.of();
  }

  /** Keys it writes into objects of other kinds (compared there only where declared). */
  default List<ForeignKey> writesInto() {
    return List.of();
  }

  /** How its live objects are read. */
  default Listing listing() {
    return Listing.pages();
  }

  /** How its ids look. */
  default IdFormat idFormat() {
    return IdFormat.POSITIVE_INTEGER;
  }

  /** The identity of a live object as PostHog returns it. */
  default String identityOf(ObjectNode raw) {
    JsonNode identity = raw.get(identityField());
    return identity == null || identity.isNull() ? "" : identity.asText();
  }

  /** Objects of another kind that its objects own, if any. */
  default Optional<Ownership> ownership() {
    return Optional.empty();
  }

  /** How it is removed: PostHog's soft delete unless the kind has none. */
  default Deletion deletion() {
    return Deletion.softDelete();
  }

  /**
   * The {@code resource_type} PostHog's change requests name its objects by (e.g. {@code
   * feature_flag}), or null when PostHog gates no write to it behind approvals.
   */
  default String approvalResourceType() {
    return null;
  }

  /** A live object that is as good as removed (an archived early access feature). */
  default boolean isRetired(ObjectNode raw) {
    return false;
  }

  /**
   * Why a reference to one of its objects cannot be used for that purpose (PostHog refuses
   * behavioural cohorts in flag targeting), if it cannot.
   *
   * @param declared the declared objects of this kind by identity, for objects nested by reference
   */
  default Optional<String> refusedAsTarget(
      ReferenceSlot.Purpose purpose,
      String identity,
      JsonNode fields,
      Function<String, Optional<JsonNode>> declared) {
    return Optional.empty();
  }

  /** Updates PostHog cannot make from {@code before} to {@code after} (canonical forms). */
  default List<Problem> refusedUpdate(ObjectNode before, ObjectNode after) {
    return List.of();
  }

  /**
   * Completes an update's PATCH body (already in PostHog's shape) with what the change needs
   * besides the changed fields, e.g. a flag telling PostHog to carry a change over to an owned
   * object.
   */
  default void completeUpdate(ObjectNode patch, ObjectNode before, ObjectNode after) {}

  /**
   * Requests beyond the create POST or the update PATCH (lifecycle endpoints, tiles).
   *
   * @param objectPath {@code resource/ID/}, or {@code resource/{id}/} for a create
   * @param live the live object as PostHog returned it, null for a create
   * @param before the canonical live object, null for a create
   * @param after the canonical desired object
   * @param ids turns references by name in what the requests send into ids
   */
  default List<ApiRequest> extraRequests(
      ChangeAction action,
      String objectPath,
      ObjectNode live,
      ObjectNode before,
      ObjectNode after,
      ReferenceIds ids) {
    return List.of();
  }

  /**
   * Ids that the answer to one of its change's writes gives later requests, by placeholder address
   * (the tile an inserted insight lands on), beyond the created object's own id.
   *
   * @param request the write as sent (placeholders resolved)
   * @param identity the identity of the object the change is about
   * @param ownId its id
   */
  default Map<String, LiveId> idsFromAnswer(
      ApiRequest request, ObjectNode answer, String identity, LiveId ownId, ApiReader api) {
    return Map.of();
  }

  /**
   * After a POST of its change got no clear answer, what PostHog holds if it took effect (the
   * create itself is looked up by identity by the caller).
   *
   * @param request the POST as sent (placeholders resolved)
   * @param ownPath the object's own path, e.g. {@code experiments/77/}
   */
  default Optional<ObjectNode> recoverUnclearPost(
      ApiRequest request, String ownPath, ApiReader api) {
    return Optional.empty();
  }

  /**
   * Whether PostHog refuses a second object of the same identity. Where it does not (cohort and
   * dashboard names), apply looks for one with one filtered list just before each create, so two
   * applies at once never make duplicates (docs/safety.md).
   */
  default boolean identityKeptUnique() {
    return true;
  }

  /**
   * Whether PostHog holds objects with a blank identity (cohorts, actions and dashboards without a
   * name). Such an object is declared with an {@code id:} pin, which is then what identifies it.
   */
  default boolean identityMayBeBlank() {
    return !identityKeptUnique();
  }

  /** Keys its writes send that PostHog's answer does not echo (write-only or other shapes). */
  default Set<String> notEchoed() {
    return Set.of();
  }

  /** Parts of a write PostHog's answer shows it did not store, beyond top-level fields. */
  default List<String> notStoredParts(ObjectNode sent, ObjectNode answer) {
    return List.of();
  }

  /** How code uses its objects, for impact and lifecycle (docs/impact.md), if it is tracked. */
  default Optional<Usage> usage() {
    return Optional.empty();
  }
}
