package io.posthoggitops.impact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Usage;
import io.posthoggitops.kind.Usage.ConditionChange;
import io.posthoggitops.kind.Usage.Reach;
import io.posthoggitops.live.AdvisoryApi;
import io.posthoggitops.live.ApiException;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.LiveKey;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Works out a plan's impact (docs/impact.md): one usage query for the flags the plan changes, then
 * a blast-radius estimate for each side of each changed release condition, one request per distinct
 * set of properties and at most {@link #MAX_ESTIMATES} a run. A failure ends it all: the plan is
 * then shown without impact, with one warning.
 */
public final class ImpactEstimator {

  /** Calls are counted over this many days. */
  public static final int DAYS = 7;

  /** At most this many blast-radius requests a run; the conditions past it are not estimated. */
  public static final int MAX_ESTIMATES = 20;

  /**
   * Estimates are not started once impact has taken this long, so slow but answering endpoints
   * never hold up a plan for more than about this plus one request's deadline.
   */
  public static final Duration BUDGET = Duration.ofSeconds(60);

  private final AdvisoryApi api;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final Map<LiveKey, LiveObject> live = new HashMap<>();
  private final Map<String, Estimate> asked = new HashMap<>();
  private int sent;

  /**
   * The impact, or none and the one warning saying why.
   *
   * @param warning the warning, if impact could not be worked out
   */
  public record Result(Impact impact, Optional<String> warning) {}

  /** One side of a condition: the estimate, or why there is none. */
  private record Estimate(Reach reach, String why) {
    static final Estimate NOTHING = new Estimate(null, null);
  }

  private ImpactEstimator(AdvisoryApi api, LiveState state, LongSupplier nanoClock) {
    this.api = api;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    state.objects().values().forEach(list -> list.forEach(o -> live.put(o.key(), o)));
  }

  public static Result estimate(Plan plan, LiveState state, AdvisoryApi api) {
    return estimate(plan, state, api, System::nanoTime);
  }

  /**
   * @param nanoClock the time in nanoseconds, for {@link #BUDGET}
   */
  static Result estimate(Plan plan, LiveState state, AdvisoryApi api, LongSupplier nanoClock) {
    Map<Usage, List<Change>> tracked = new LinkedHashMap<>();
    for (Change change : plan.changes()) {
      change
          .kind()
          .usage()
          .ifPresent(u -> tracked.computeIfAbsent(u, k -> new ArrayList<>()).add(change));
    }
    if (tracked.isEmpty()) {
      return new Result(Impact.NONE, Optional.empty());
    }
    try {
      return new Result(new ImpactEstimator(api, state, nanoClock).of(tracked), Optional.empty());
    } catch (AdvisoryFailure e) {
      return new Result(
          Impact.NONE,
          Optional.of("impact not shown: " + e.getMessage() + " The plan is shown without it."));
    }
  }

  private Impact of(Map<Usage, List<Change>> tracked) {
    Map<Address, ChangeImpact> impacts = new LinkedHashMap<>();
    for (Map.Entry<Usage, List<Change>> entry : tracked.entrySet()) {
      Usage usage = entry.getKey();
      List<String> keys = entry.getValue().stream().map(this::keyOf).distinct().toList();
      UsageCounts counts = UsageQuery.ask(api, usage, keys, DAYS);
      for (Change change : entry.getValue()) {
        impacts.put(
            change.address(),
            new ChangeImpact(
                counts.of(keyOf(change)),
                usage.switchesOff(change.before(), change.after()),
                conditions(usage, change)));
      }
    }
    return new Impact(DAYS, impacts);
  }

  /** Calls are recorded under the key code uses now: the live one, which a rename changes. */
  private String keyOf(Change change) {
    ObjectNode raw = rawOf(change);
    return raw == null ? change.identity() : change.kind().identityOf(raw);
  }

  private ObjectNode rawOf(Change change) {
    LiveObject object =
        change.liveId() == null ? null : live.get(new LiveKey(change.kind(), change.liveId()));
    return object == null ? null : object.raw();
  }

  private List<ConditionImpact> conditions(Usage usage, Change change) {
    List<ConditionImpact> impacts = new ArrayList<>();
    ObjectNode before = rawOf(change);
    ObjectNode after = desired(change, before);
    for (ConditionChange condition : usage.changedConditions(change.before(), change.after())) {
      Estimate was =
          condition.added() ? Estimate.NOTHING : estimate(usage, before, condition.index());
      Estimate is =
          condition.removed() ? Estimate.NOTHING : estimate(usage, after, condition.index());
      String why = was.why() != null ? was.why() : is.why();
      impacts.add(
          why == null
              ? ConditionImpact.estimated(condition, was.reach(), is.reach())
              : ConditionImpact.notEstimated(condition, why));
    }
    return impacts;
  }

  /**
   * The object in PostHog's shape as the change's write leaves it: a create's body, or the live
   * object with the update's fields over it (a flag's filters are always sent whole).
   */
  private static ObjectNode desired(Change change, ObjectNode live) {
    ObjectNode body = change.requests().isEmpty() ? null : change.requests().get(0).body();
    if (change.action() == ChangeAction.CREATE || live == null) {
      return body;
    }
    ObjectNode shape = live.deepCopy();
    if (body != null) {
      shape.setAll(body.deepCopy());
    }
    return shape;
  }

  private Estimate estimate(Usage usage, ObjectNode shape, int index) {
    if (shape == null) {
      return new Estimate(null, "its form in PostHog is not known");
    }
    Optional<String> why = usage.notEstimable(shape, index);
    if (why.isPresent()) {
      return new Estimate(null, why.get());
    }
    ApiRequest request = usage.reachRequest(shape, index);
    String id = request.path() + " " + request.body();
    Estimate known = asked.get(id);
    if (known != null) {
      return known;
    }
    if (sent >= MAX_ESTIMATES) {
      return new Estimate(null, "over the " + MAX_ESTIMATES + " estimates a run");
    }
    if (nanoClock.getAsLong() - startNanos >= BUDGET.toNanos()) {
      return new Estimate(
          null, "impact had taken its " + BUDGET.toSeconds() + " s before this estimate");
    }
    sent++;
    Estimate estimate = ask(usage, request);
    asked.put(id, estimate);
    return estimate;
  }

  /** A 400 is about this condition alone (PostHog cannot evaluate its filters); others end all. */
  private Estimate ask(Usage usage, ApiRequest request) {
    ObjectNode answer;
    try {
      answer = api.post(request.path(), request.body());
    } catch (ApiException e) {
      if (e.status() == 400) {
        return new Estimate(
            null, "PostHog could not estimate it" + (e.detail() == null ? "" : ": " + e.detail()));
      }
      throw AdvisoryFailure.of(e, false);
    }
    return usage
        .reach(answer)
        .map(reach -> new Estimate(reach, null))
        .orElseThrow(
            () ->
                new AdvisoryFailure(
                    "PostHog answered POST "
                        + request.path()
                        + " without the affected and total counts; run again later."));
  }
}
