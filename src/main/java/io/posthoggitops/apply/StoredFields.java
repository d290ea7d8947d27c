package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kind.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares what a write sent with what PostHog's answer holds (docs/how-plan-decides.md): PostHog
 * silently drops some fields (tags without the tagging feature, tile layouts), and a field it did
 * not store must be reported, not re-planned forever. PostHog adds keys of its own, so the answer
 * only has to hold what was sent; set-valued fields (tags) compare in their canonical form.
 */
final class StoredFields {

  private StoredFields() {}

  /** Names of sent top-level fields (and the kind's own parts) the answer does not hold. */
  static List<String> notStored(Kind kind, ObjectNode sent, ObjectNode answer) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : sent.properties()) {
      String name = field.getKey();
      if (kind.notEchoed().contains(name) || !answer.has(name)) {
        continue;
      }
      if (!JsonEquality.holds(
          canonical(kind, name, field.getValue()), canonical(kind, name, answer.get(name)))) {
        missing.add(name);
      }
    }
    missing.addAll(kind.notStoredParts(sent, answer));
    return missing;
  }

  private static JsonNode canonical(Kind kind, String name, JsonNode value) {
    return kind.spec()
        .field(name)
        .filter(f -> f.canon() != FieldSpec.Canon.AS_IS)
        .map(f -> f.canonical(value))
        .orElse(value);
  }
}
