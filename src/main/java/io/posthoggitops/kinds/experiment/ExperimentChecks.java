package io.posthoggitops.kinds.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kinds.featureflag.FlagChecks;
import io.posthoggitops.kinds.featureflag.VariantChecks;
import java.util.Set;

/**
 * The rules of Experiment documents that PostHog enforces (docs/format/experiments.md): the key of
 * the flag it creates, 2 to 20 variants, one of them {@code control}.
 */
final class ExperimentChecks {

  private static final String VARIANTS = "/parameters/feature_flag_variants";

  private ExperimentChecks() {}

  static void check(DocumentRules doc) {
    String key = doc.identity();
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
    if (keys.stream().noneMatch("control"::equalsIgnoreCase)) {
      doc.errorAtKey(
          VARIANTS,
          "an experiment needs a variant with key `control`, the baseline the others are"
              + " compared with.");
    }
  }
}
