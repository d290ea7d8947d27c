package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The checks specific to Experiment documents (CONTRACT.md §4.2). */
final class ExperimentChecks {

  private static final String VARIANTS = "/parameters/feature_flag_variants";

  private ExperimentChecks() {}

  static void check(DocumentContext doc) {
    String key = doc.declaration().identity();
    if (!FlagChecks.FLAG_KEY.matcher(key).matches()) {
      doc.errorAtValue(
          "/feature_flag_key",
          "flag key `" + key + "` may contain only letters, digits, '_' and '-'.");
    }
    JsonNode variants = doc.fields().at(VARIANTS);
    if (!variants.isArray()) {
      return;
    }
    Set<String> keys = VariantChecks.check(doc, VARIANTS, "rollout_percentage", "split_percent");
    if (variants.size() < 2 || variants.size() > 20) {
      doc.errorAtKey(
          VARIANTS, "an experiment needs 2 to 20 variants, not " + variants.size() + ".");
    }
    if (!keys.contains("control")) {
      doc.errorAtKey(
          VARIANTS,
          "an experiment needs a variant with key `control` (lowercase),"
              + " the baseline the others are compared with.");
    }
  }
}
