package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How code uses a kind's objects, for the impact shown in plans and for {@code lifecycle}
 * (docs/impact.md): the query that counts calls, which changes stop an object serving, which change
 * whom it reaches, and how that reach is estimated. Feature flags have one; other kinds none.
 */
public interface Usage {

  /**
   * A HogQL query counting calls and distinct persons per key over the last {@code days} days,
   * selecting {@code key, calls, persons} in that order, one row per key that was called.
   */
  String callsQuery(List<String> keys, int days);

  /**
   * Whether the change stops the object serving the code that calls it: a delete ({@code after}
   * null), disabling, archiving. Both sides are canonical.
   */
  boolean switchesOff(JsonNode before, JsonNode after);

  /**
   * The conditions whose reach may differ between the canonical sides ({@code before} null for a
   * create), in order.
   */
  List<ConditionChange> changedConditions(JsonNode before, JsonNode after);

  /**
   * Why condition {@code index} of an object in PostHog's shape (a live object, or the body a write
   * sends) cannot be estimated, if it cannot.
   */
  Optional<String> notEstimable(ObjectNode object, int index);

  /** The request estimating how many the properties of condition {@code index} match. */
  ApiRequest reachRequest(ObjectNode object, int index);

  /** The estimate in an answer to {@link #reachRequest}, in any shape PostHog answers. */
  Optional<Reach> reach(JsonNode answer);

  /** Where a live object stands, as PostHog reports it. */
  Standing standing(ObjectNode raw);

  /**
   * One condition whose reach may change.
   *
   * @param index its place in the object's conditions, from 0
   * @param before its rollout percentage in the live object, null where it does not exist there
   * @param after its rollout percentage in the desired object, null where it does not exist there
   * @param propertiesChanged whether it matches by other properties than before
   * @param groups whether it counts groups rather than people
   */
  record ConditionChange(
      int index, Double before, Double after, boolean propertiesChanged, boolean groups) {

    public boolean added() {
      return before == null;
    }

    public boolean removed() {
      return after == null;
    }

    public boolean rolloutChanged() {
      return before != null && after != null && !before.equals(after);
    }
  }

  /**
   * How many a condition's properties match, before its rollout percentage applies.
   *
   * @param affected those matching every property
   * @param total all there are
   */
  record Reach(long affected, long total) {}

  /**
   * A live object's state for {@code lifecycle}.
   *
   * @param serving enabled and not archived
   * @param archived archived (else, when not serving, disabled)
   * @param fullyRolledOut it serves everyone: a condition without properties at 100 %
   * @param lastCalledAt the last call PostHog saw, if any
   * @param createdAt when it was created, if known
   * @param changedAt when it was last changed, if known
   */
  record Standing(
      boolean serving,
      boolean archived,
      boolean fullyRolledOut,
      Optional<Instant> lastCalledAt,
      Optional<Instant> createdAt,
      Optional<Instant> changedAt) {}
}
