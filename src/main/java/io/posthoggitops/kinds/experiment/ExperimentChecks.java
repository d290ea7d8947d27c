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
    FlagChecks.checkKey(doc, "/feature_flag_key");
    JsonNode variants = doc.fields().at(VARIANTS);
    Set<String> keys =
        variants.isArray()
            ? VariantChecks.check(doc, VARIANTS, "rollout_percentage", "split_percent")
            : Set.of("control", "test");
    FlagChecks.checkConditions(doc, "/feature_flag/filters", true, keys);
    if (!variants.isArray()) {
      return;
    }
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
