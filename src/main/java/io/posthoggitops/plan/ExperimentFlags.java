package io.posthoggitops.plan;

import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Flags that belong to an experiment (PostHog lists them with the other flags): those with a
 * non-empty {@code experiment_set}, or whose key is a live experiment's {@code feature_flag_key}.
 * They are managed through their experiment, never as flags of their own.
 */
public final class ExperimentFlags {
  private final Set<String> keys = new HashSet<>();
  private final Set<Long> ids = new HashSet<>();
  private final LiveState live;

  private ExperimentFlags(LiveState live) {
    this.live = live;
  }

  public static ExperimentFlags of(LiveState live) {
    ExperimentFlags owned = new ExperimentFlags(live);
    for (LiveObject experiment : live.of(Kind.EXPERIMENT)) {
      owned.keys.add(experiment.identity());
      if (experiment.raw().path("feature_flag").path("id").isIntegralNumber()) {
        owned.ids.add(experiment.raw().path("feature_flag").path("id").asLong());
      }
    }
    for (LiveObject flag : live.of(Kind.FEATURE_FLAG)) {
      if (!flag.raw().path("experiment_set").isEmpty()) {
        owned.ids.add(flag.id());
      }
    }
    return owned;
  }

  public boolean owns(LiveObject flag) {
    return flag.kind() == Kind.FEATURE_FLAG
        && (ids.contains(flag.id()) || keys.contains(flag.identity()));
  }

  /** The live flag an experiment owns, if PostHog still lists it. */
  Optional<LiveObject> flagOf(LiveObject experiment) {
    long flagId = experiment.raw().path("feature_flag").path("id").asLong(-1);
    return live.of(Kind.FEATURE_FLAG).stream()
        .filter(f -> f.id() == flagId || f.identity().equals(experiment.identity()))
        .findFirst();
  }
}
