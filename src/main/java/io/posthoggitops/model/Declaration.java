package io.posthoggitops.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import java.util.Map;
import java.util.Set;

/**
 * One YAML document: a resource as the user declared it.
 *
 * @param kind the document's {@code kind}
 * @param identity the value of the kind's identity field ({@link Kind#identityField()})
 * @param pinnedId the {@code id:} pin, or null
 * @param tombstone true for {@code deleted: true}
 * @param fields the document's PostHog fields as written (YAML values, references by name), without
 *     our own keys {@code kind}, {@code id}, {@code deleted}, {@code ignore_changes}, {@code
 *     environments}, {@code only}
 * @param ignoreChanges field names left to the PostHog UI
 * @param location where the document starts
 * @param fieldLocations JSON pointer of each key or value in {@code fields} (e.g. {@code
 *     /filters/groups/0/rollout_percentage}) to where it is written, for messages
 */
public record Declaration(
    Kind kind,
    String identity,
    LiveId pinnedId,
    boolean tombstone,
    ObjectNode fields,
    Set<String> ignoreChanges,
    SourceLocation location,
    Map<String, SourceLocation> fieldLocations) {

  /** The location of a field by JSON pointer, or the document's own location. */
  public SourceLocation locate(String pointer) {
    SourceLocation found = fieldLocations.get(pointer);
    return found != null ? found : location;
  }

  /** {@code KIND/IDENTITY}, as used by {@code --target}. */
  public Address address() {
    return new Address(kind, identity);
  }

  /** The live object the pin names, or null without a pin. */
  public LiveKey pinnedKey() {
    return pinnedId == null ? null : new LiveKey(kind, pinnedId);
  }
}
