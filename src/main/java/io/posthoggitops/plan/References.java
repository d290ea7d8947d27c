package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import java.util.Optional;

/**
 * Name ↔ id lookups for references ({@code {cohort: NAME}}, {@code {action: NAME}}, {@code {flag:
 * KEY}}). Live objects give ids; objects the plan creates give pending placeholders.
 */
public interface References {

  /** The id (a JSON id) or a pending placeholder for a referenced object, if known. */
  Optional<JsonNode> idOf(Kind kind, String identity);

  /** The identity of a live object by id, if known (to show live references by name). */
  Optional<String> identityOf(Kind kind, LiveId id);
}
