package io.posthoggitops.kinds.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.Ownership;
import io.posthoggitops.kinds.featureflag.FeatureFlagKind;
import java.util.Optional;

/**
 * An experiment creates and owns its feature flag (keyed by the experiment's {@code
 * feature_flag_key}); PostHog lists that flag with the others, marked by its {@code
 * experiment_set}.
 */
final class ExperimentFlag implements Ownership {

  @Override
  public Kind owned() {
    return FeatureFlagKind.KIND;
  }

  @Override
  public Optional<LiveId> ownedId(ObjectNode experiment) {
    return FeatureFlagKind.KIND.idFormat().parse(experiment.path("feature_flag").get("id"));
  }

  @Override
  public boolean marksItselfOwned(ObjectNode flag) {
    return !flag.path("experiment_set").isEmpty();
  }

  @Override
  public String claimedInFiles(String key, JsonNode experiment, String experimentLocation) {
    return "flag `"
        + key
        + "` belongs to the Experiment `"
        + experiment.path("name").asText()
        + "` at "
        + experimentLocation
        + " (its feature_flag_key); remove this FeatureFlag document and set variants in the"
        + " experiment's parameters.";
  }

  @Override
  public String claimedLive(String address) {
    return "%s is the flag of an experiment; manage it through its Experiment document and remove this FeatureFlag document"
        .formatted(address);
  }
}
