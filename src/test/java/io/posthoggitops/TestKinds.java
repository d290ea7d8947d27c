package io.posthoggitops;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.action.ActionKind;
import io.posthoggitops.kinds.cohort.CohortKind;
import io.posthoggitops.kinds.dashboard.DashboardKind;
import io.posthoggitops.kinds.experiment.ExperimentKind;
import io.posthoggitops.kinds.featureflag.FeatureFlagKind;

/** The kinds by name, for tests that build live objects and declarations of a given kind. */
public final class TestKinds {
  public static final Kind ACTION = ActionKind.KIND;
  public static final Kind COHORT = CohortKind.KIND;
  public static final Kind FEATURE_FLAG = FeatureFlagKind.KIND;
  public static final Kind EXPERIMENT = ExperimentKind.KIND;
  public static final Kind DASHBOARD = DashboardKind.KIND;

  private TestKinds() {}
}
