package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/**
 * One place in a kind's documents where a reference by name may sit: {@code {cohort: NAME}}, {@code
 * {action: NAME}} or {@code {flag: KEY}} in the YAML, an id in PostHog's JSON. Validation,
 * planning, the diff view and export all read a kind's slots, so they agree on where references
 * are.
 *
 * @param field the top-level field the slot is in
 * @param leaf which objects under {@code field} hold a reference (at any depth), or null when the
 *     field's own value is the reference
 * @param member the key of such an object that holds the reference
 * @param word the reference's key, which is the target kind's {@link Kind#referenceWord()}
 * @param idAsText PostHog writes the id as a string here (flag dependencies: {@code "5021"})
 * @param purpose what the reference is for, which a target kind may refuse
 */
public record ReferenceSlot(
    String field,
    Predicate<JsonNode> leaf,
    String member,
    String word,
    boolean idAsText,
    Purpose purpose) {

  /** What a reference is used for. */
  public enum Purpose {
    /** Release conditions of a flag: who the flag is served to. */
    TARGETING,
    /** Anything else: nested cohorts, behaviour on actions, a linked flag. */
    OTHER
  }

  /** A slot in objects under {@code field} whose {@code type} is {@code type}. */
  public static ReferenceSlot leafOfType(
      String field, String type, String member, String word, Purpose purpose) {
    return new ReferenceSlot(
        field, leaf -> type.equals(leaf.path("type").asText()), member, word, false, purpose);
  }

  /** An action in a PostHog query under {@code field}: {@code {kind: ActionsNode, id: …}}. */
  public static ReferenceSlot actionsNode(String field) {
    return new ReferenceSlot(
        field,
        leaf -> "ActionsNode".equals(leaf.path("kind").asText()),
        "id",
        "action",
        false,
        Purpose.OTHER);
  }

  /** A top-level field whose value is the reference. */
  public static ReferenceSlot wholeField(String field, String word) {
    return new ReferenceSlot(field, null, field, word, false, Purpose.OTHER);
  }

  /** This slot, with the id written as a string in PostHog's JSON. */
  public ReferenceSlot writtenAsText() {
    return new ReferenceSlot(field, leaf, member, word, true, purpose);
  }

  /** Whether the slot is the top-level field itself. */
  public boolean isWholeField() {
    return leaf == null;
  }
}
