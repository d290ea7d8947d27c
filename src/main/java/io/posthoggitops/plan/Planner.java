package io.posthoggitops.plan;

/**
 * The whole algorithm: canonicalise both sides, match by identity, resolve references, decide
 * create/update/delete, order by dependency, build each change's requests.
 */
public final class Planner {

  private Planner() {}

  public static PlanResult plan(PlanInput input) {
    throw new UnsupportedOperationException("not built yet");
  }
}
