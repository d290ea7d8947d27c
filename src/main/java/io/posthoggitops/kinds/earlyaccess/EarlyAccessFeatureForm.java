package io.posthoggitops.kinds.earlyaccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalForm;

/**
 * PostHog takes the flag as {@code feature_flag_id} (on create only) and answers with the linked
 * flag in {@code feature_flag}: the live side is read back as the id it was written as.
 */
final class EarlyAccessFeatureForm implements CanonicalForm {

  @Override
  public void live(ObjectNode raw) {
    JsonNode id = raw.path("feature_flag").get("id");
    if (id != null && !id.isNull()) {
      raw.set("feature_flag_id", id);
    }
  }
}
