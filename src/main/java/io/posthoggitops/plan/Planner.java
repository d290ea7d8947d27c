package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveKey;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole algorithm: canonicalise both sides, match by identity, resolve references, decide
 * create/update/delete, order by dependency, build each change's requests.
 */
public final class Planner {

  /**
   * Builds the writes of one change ({@link RequestBuilder#requestsFor} unless a test says
   * otherwise).
   */
  @FunctionalInterface
  public interface RequestSource {
    List<ApiRequest> requestsFor(
        Kind kind,
        ChangeAction action,
        LiveObject live,
        ObjectNode before,
        ObjectNode after,
        References refs);
  }

  private Planner() {}

  public static PlanResult plan(PlanInput input) {
    return plan(input, RequestBuilder::requestsFor);
  }

  public static PlanResult plan(PlanInput input, RequestSource requests) {
    LiveState live = input.live();
    List<Diagnostic> diagnostics = new ArrayList<>();
    checkAvailable(input.declarations(), live, diagnostics);
    List<Match> matches = Matcher.match(input.declarations(), live, diagnostics);
    ReferenceTable refs = ReferenceTable.of(matches, live);
    OwnedObjects owned = OwnedObjects.of(live);
    diagnostics.addAll(ReferenceCheck.check(matches, refs, owned));

    Reconciler reconciler = new Reconciler(refs, live.organizationFeatures(), diagnostics);
    ApprovalVerdicts approvals =
        new ApprovalVerdicts(PendingRequests.of(live), owned, reconciler::holds);
    List<PlannedChange> changes = new ArrayList<>();
    reconciler.reconcileAll(
        matches.stream().filter(m -> !m.declaration().tombstone()).toList(),
        (m, change) -> approvals.decide(m, change).ifPresent(changes::add));
    Deletions deletions = deletions(input, matches, refs, owned);
    deletions.deletes().forEach(d -> approvals.decideDelete(d).ifPresent(changes::add));

    Set<Address> scope =
        TargetScope.of(
            input.targets(),
            input.declarations(),
            Objects.requireNonNullElse(input.removedSinceBase(), List.of()),
            live,
            diagnostics);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new PlanResult(null, diagnostics);
    }
    List<Change> ordered =
        ChangeOrder.order(approvals.withoutWaiting(changes)).stream()
            .filter(c -> scope == null || scope.contains(c.address()))
            .map(
                c ->
                    c.toChange(
                        requests.requestsFor(
                            c.kind(), c.action(), c.live(), c.before(), c.after(), refs)))
            .toList();
    int unmanaged = unmanaged(live, matches, owned, deletions.deletedKeys());
    return new PlanResult(
        new Plan(
            input.metadata(),
            ordered,
            unmanaged,
            warnings(reconciler.unstoredByFeature(), reconciler.notStored()),
            approvals.entries(scope)),
        diagnostics);
  }

  /** Declarations of a kind this PostHog does not serve cannot be planned. */
  private static void checkAvailable(
      List<Declaration> declarations, LiveState live, List<Diagnostic> diagnostics) {
    for (Declaration d : declarations) {
      if (live.unavailable().contains(d.kind())) {
        diagnostics.add(
            Diagnostic.error(
                d.location(),
                "%s cannot be planned: this PostHog does not serve %s/ (its list answered 404);"
                        .formatted(d.address(), d.kind().resource())
                    + " upgrade PostHog, check that the API URL reaches PostHog itself, or remove"
                    + " the document"));
      }
    }
  }

  private static Deletions deletions(
      PlanInput input, List<Match> matches, References refs, OwnedObjects owned) {
    Deletions deletions = new Deletions(input.live(), refs, owned);
    deletions.tombstones(matches);
    Set<Address> declared =
        input.declarations().stream().map(Declaration::address).collect(Collectors.toSet());
    deletions.removedSinceBase(
        Objects.requireNonNullElse(input.removedSinceBase(), List.of()),
        declared,
        matchedKeys(matches),
        input.baseRef());
    if (input.prune()) {
      Set<Kind> kinds =
          input.declarations().stream().map(Declaration::kind).collect(Collectors.toSet());
      deletions.prune(
          kinds, matchedKeys(matches), Objects.requireNonNullElse(input.pruneIgnore(), List.of()));
    }
    return deletions;
  }

  /**
   * Live objects nothing declares, of every kind; owned objects count with their owner, retired
   * ones not at all, and objects this plan deletes are no longer "left alone".
   */
  private static int unmanaged(
      LiveState live, List<Match> matches, OwnedObjects owned, Set<LiveKey> deleted) {
    Set<LiveKey> declared = matchedKeys(matches);
    int count = 0;
    for (Kind kind : Kinds.all()) {
      for (LiveObject o : live.of(kind)) {
        if (!declared.contains(o.key())
            && !deleted.contains(o.key())
            && !owned.owns(o)
            && !kind.isRetired(o.raw())) {
          count++;
        }
      }
    }
    return count;
  }

  private static Set<LiveKey> matchedKeys(List<Match> matches) {
    Set<LiveKey> keys = new HashSet<>();
    matches.stream().filter(Match::isLive).forEach(m -> keys.add(m.live().key()));
    return keys;
  }

  private static List<String> warnings(
      Map<String, List<String>> unstoredByFeature, List<String> notStored) {
    List<String> warnings = new ArrayList<>();
    unstoredByFeature.forEach(
        (feature, resources) ->
            warnings.add(
                ("PostHog does not store %s in this organisation (it lacks the '%s' feature), so"
                        + " they are not compared for: %s. Remove them from these documents, or"
                        + " enable %s in PostHog.")
                    .formatted(
                        String.join(" or ", fieldsNeeding(feature)),
                        feature,
                        String.join(", ", resources),
                        feature)));
    if (!notStored.isEmpty()) {
      warnings.add(
          ("PostHog did not store %s, so they are not compared. Set them in the PostHog UI, "
                  + "or remove them from the YAML.")
              .formatted(String.join(", ", notStored)));
    }
    return warnings;
  }

  /** The fields of any kind that PostHog stores only with {@code feature}, e.g. {@code tags}. */
  private static Set<String> fieldsNeeding(String feature) {
    Set<String> names = new LinkedHashSet<>();
    for (Kind kind : Kinds.all()) {
      for (FieldSpec field : kind.spec().fields().values()) {
        if (feature.equals(field.requiresFeature())) {
          names.add(field.name());
        }
      }
    }
    return names;
  }
}
