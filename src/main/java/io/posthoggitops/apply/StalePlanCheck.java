package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.Canonical;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.PendingRequests;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.RebuiltRequests;
import io.posthoggitops.plan.ReferenceTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Before a saved plan is applied: has PostHog moved since it was made? Each object the plan updates
 * or deletes must still exist with the fingerprint the plan recorded, and nothing may now hold the
 * identity of an object the plan creates (docs/commands/apply.md); no change request may have been
 * opened on what it writes, and those it replaces must still be open (docs/approvals.md). The live
 * state is re-read with one list per kind the plan touches, plus the kinds those can reference
 * (earlier in {@link Kind} order), which canonical form needs to name references, and the one list
 * of open change requests where the organisation has approvals.
 */
public final class StalePlanCheck {

  /** The canonical live object, as the planner computes it. */
  @FunctionalInterface
  public interface CanonicalLive {
    ObjectNode of(LiveObject live, LiveState state);
  }

  /**
   * The planner's fingerprint of a fresh live object over the fields of a change's {@code before}.
   */
  @FunctionalInterface
  public interface Fingerprint {
    String of(LiveObject fresh, LiveState state, JsonNode before);
  }

  /** A resource the plan no longer describes truthfully, and why. */
  public record Stale(Change change, String why) {
    public String line() {
      return change.action().symbol()
          + " "
          + new Outcome(change, change.liveId()).resource()
          + ": "
          + why;
    }
  }

  private final CanonicalLive canonical;
  private final Fingerprint fingerprint;

  public StalePlanCheck(CanonicalLive canonical, Fingerprint fingerprint) {
    this.canonical = canonical;
    this.fingerprint = fingerprint;
  }

  /** The check with the planner's own canonical form and fingerprint, as saved plans hold them. */
  public static StalePlanCheck withPlannerFingerprints() {
    return new StalePlanCheck(
        (live, state) -> Canonical.fromLive(live, ReferenceTable.live(state)),
        (live, state, before) ->
            io.posthoggitops.plan.Fingerprint.recompute(live, ReferenceTable.live(state), before));
  }

  /**
   * What a saved plan's check found: resources PostHog has moved since the plan (stale), changes
   * whose requests are not the ones their sides make (the file was edited after review), and
   * changes PostHog already holds the result of (the plan, or that part of it, was applied before).
   */
  public record Verdict(List<Stale> stale, List<Stale> edited, List<Change> inEffect) {

    /** Every change is already in effect: applying the plan again would change nothing. */
    public boolean alreadyApplied(Plan plan) {
      return stale.isEmpty() && edited.isEmpty() && inEffect.size() == plan.changes().size();
    }
  }

  public List<Stale> staleResources(Plan plan, PostHogApi api) {
    return verify(plan, api).stale();
  }

  /**
   * Re-reads PostHog once, then checks every change: still fresh, and holding exactly the requests
   * its {@code before} and {@code after} make ({@link RebuiltRequests}).
   */
  public Verdict verify(Plan plan, PostHogApi api) {
    LiveState state = reread(plan, api);
    ReferenceTable refs = ReferenceTable.forSavedPlan(state, plan.changes());
    PendingRequests pending = PendingRequests.of(state);
    List<Stale> stale = new ArrayList<>();
    List<Stale> edited = new ArrayList<>();
    List<Change> inEffect = new ArrayList<>();
    for (Change change : plan.changes()) {
      Optional<String> why = check(change, state);
      if (why.isPresent() && isInEffect(change, state)) {
        inEffect.add(change);
        continue;
      }
      why = why.or(() -> approvals(change, state, pending));
      if (why.isPresent()) {
        stale.add(new Stale(change, why.get()));
        continue;
      }
      LiveObject live = change.liveId() == null ? null : find(change, state).orElse(null);
      RebuiltRequests.disagreement(change, live, refs, replaced(plan, change))
          .ifPresent(problem -> edited.add(new Stale(change, problem)));
    }
    return new Verdict(List.copyOf(stale), List.copyOf(edited), List.copyOf(inEffect));
  }

  /**
   * Whether PostHog already holds what the change makes: the object deleted, or one of its identity
   * (by id for an update) whose compared fields equal the change's {@code after}.
   */
  private boolean isInEffect(Change change, LiveState state) {
    Optional<LiveObject> live =
        change.action() == ChangeAction.CREATE
            ? state.of(change.kind()).stream()
                .filter(o -> change.identity().equals(o.identity()))
                .findFirst()
            : find(change, state);
    if (change.action() == ChangeAction.DELETE) {
      return live.isEmpty() || change.kind().isRetired(live.get().raw());
    }
    if (live.isEmpty() || change.after() == null || !change.after().isObject()) {
      return false;
    }
    ObjectNode now = compared(canonical.of(live.get(), state), change.after());
    return changedFields(change.after(), now).isEmpty();
  }

  private static Optional<LiveObject> find(Change change, LiveState state) {
    return state.of(change.kind()).stream()
        .filter(o -> Objects.equals(o.id(), change.liveId()))
        .findFirst();
  }

  /**
   * A change request opened on the object since the plan, which a write would make PostHog fail, or
   * one the plan replaces that is no longer open (docs/approvals.md).
   */
  private static Optional<String> approvals(
      Change change, LiveState state, PendingRequests pending) {
    List<ChangeRequest> open =
        change.liveId() == null
            ? pending.onCreate(change.address())
            : find(change, state).map(pending::on).orElse(List.of());
    List<String> replaced = PendingRequests.cancelledBy(change);
    Optional<ChangeRequest> opened =
        open.stream().filter(r -> !r.stale() && !replaced.contains(r.id())).findFirst();
    if (opened.isPresent()) {
      return Optional.of(
          "change request #"
              + opened.get().id()
              + " was opened on it in PostHog since the plan was made; a write would make PostHog"
              + " fail it");
    }
    Set<String> stillOpen =
        state.changeRequests().stream().map(ChangeRequest::id).collect(Collectors.toSet());
    return replaced.stream()
        .filter(id -> !stillOpen.contains(id))
        .findFirst()
        .map(
            id ->
                "change request #"
                    + id
                    + ", which the plan replaces, is no longer open in PostHog (applied, rejected"
                    + " or expired since the plan was made)");
  }

  /**
   * The change requests a change cancels that the plan says it replaces: the only cancels its
   * reviewed content makes (docs/approvals.md#replacing-a-pending-request).
   */
  private static List<String> replaced(Plan plan, Change change) {
    Set<String> listed =
        plan.approvals(PendingApproval.Verdict.REPLACED).stream()
            .filter(a -> a.address().equals(change.address()))
            .flatMap(a -> a.requests().stream())
            .map(ChangeRequest::id)
            .collect(Collectors.toSet());
    return PendingRequests.cancelledBy(change).stream().filter(listed::contains).toList();
  }

  private Optional<String> check(Change change, LiveState state) {
    if (change.action() == ChangeAction.CREATE) {
      return state.of(change.kind()).stream()
          .filter(o -> change.identity().equals(o.identity()))
          .findFirst()
          .map(o -> "now exists in PostHog (id " + o.id() + "), created since the plan was made");
    }
    Optional<LiveObject> live = find(change, state);
    if (live.isEmpty()) {
      return Optional.of("no longer exists in PostHog (deleted since the plan was made)");
    }
    if (Objects.equals(fingerprint.of(live.get(), state, change.before()), change.fingerprint())) {
      return Optional.empty();
    }
    ObjectNode now = compared(canonical.of(live.get(), state), change.before());
    return Optional.of(
        "changed in PostHog since the plan was made" + changedFields(change.before(), now));
  }

  /** Only the fields the plan compared (its {@code before}), to name what changed. */
  private static ObjectNode compared(ObjectNode now, JsonNode before) {
    if (before == null || !before.isObject()) {
      return now;
    }
    ObjectNode fields = now.objectNode();
    before
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (now.has(name)) {
                fields.set(name, now.get(name));
              }
            });
    return fields;
  }

  private static String changedFields(JsonNode before, ObjectNode now) {
    if (before == null || !before.isObject()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    JsonEquality.changedFields((ObjectNode) before, now).fieldNames().forEachRemaining(names::add);
    JsonEquality.changedFields(now, (ObjectNode) before)
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (!names.contains(n)) {
                names.add(n);
              }
            });
    return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
  }

  /**
   * One list per kind the plan touches and per kind those may reference (the kinds before them in
   * dependency order), which canonical form needs to name references; nothing else.
   */
  private static LiveState reread(Plan plan, PostHogApi api) {
    int last = plan.changes().stream().mapToInt(c -> Kinds.order(c.kind())).max().orElse(-1);
    Map<Kind, List<LiveObject>> objects = new LinkedHashMap<>();
    for (Kind kind : Kinds.all().subList(0, last + 1)) {
      objects.put(kind, LiveStateReader.toLiveObjects(kind, api.list(kind)));
    }
    PostHogApi.ProjectInfo project = api.project();
    Set<String> features = api.organizationFeatures();
    return new LiveState(
        plan.metadata().apiUrl(),
        project.id(),
        project.name(),
        features,
        objects,
        Set.of(),
        LiveStateReader.changeRequests(api, features));
  }
}
