package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole algorithm: canonicalise both sides, match by identity, resolve references, decide
 * create/update/delete, order by dependency, build each change's requests.
 */
public final class Planner {
  /** The organisation feature without which PostHog drops {@code tags}. */
  static final String TAGGING = "tagging";

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
    List<Match> matches = Matcher.match(input.declarations(), live, diagnostics);
    ReferenceTable refs = ReferenceTable.of(matches, live);
    ExperimentFlags owned = ExperimentFlags.of(live);
    diagnostics.addAll(ReferenceCheck.check(matches, refs, owned));

    boolean tagging = live.organizationFeatures().contains(TAGGING);
    Reconciler reconciler = new Reconciler(refs, tagging, diagnostics);
    List<PlannedChange> changes = new ArrayList<>();
    matches.stream()
        .filter(m -> !m.declaration().tombstone())
        .forEach(m -> reconciler.reconcile(m).ifPresent(changes::add));
    Deletions deletions = deletions(input, matches, refs, owned);
    changes.addAll(deletions.deletes());

    Set<String> scope =
        TargetScope.of(
            input.targets(),
            input.declarations(),
            Objects.requireNonNullElse(input.removedSinceBase(), List.of()),
            live);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new PlanResult(null, diagnostics);
    }
    List<Change> ordered =
        ChangeOrder.order(changes).stream()
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
            warnings(reconciler.untaggable(), reconciler.notStored())),
        diagnostics);
  }

  private static Deletions deletions(
      PlanInput input, List<Match> matches, References refs, ExperimentFlags owned) {
    Deletions deletions = new Deletions(input.live(), refs, owned);
    deletions.tombstones(matches);
    Set<String> declared =
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
   * Live objects nothing declares, of all five kinds; experiment-owned flags count with their
   * experiment, and objects this plan deletes are no longer "left alone".
   */
  private static int unmanaged(
      LiveState live, List<Match> matches, ExperimentFlags owned, Set<String> deleted) {
    Set<String> declared = matchedKeys(matches);
    int count = 0;
    for (Kind kind : Kind.values()) {
      for (LiveObject o : live.of(kind)) {
        String key = Deletions.key(o);
        if (!declared.contains(key) && !deleted.contains(key) && !owned.owns(o)) {
          count++;
        }
      }
    }
    return count;
  }

  private static Set<String> matchedKeys(List<Match> matches) {
    Set<String> keys = new HashSet<>();
    matches.stream().filter(Match::isLive).forEach(m -> keys.add(Deletions.key(m.live())));
    return keys;
  }

  private static List<String> warnings(List<String> untaggable, List<String> notStored) {
    List<String> warnings = new ArrayList<>();
    if (!untaggable.isEmpty()) {
      warnings.add(
          ("PostHog does not store tags or evaluation_contexts in this organisation (it lacks the "
                  + "'tagging' feature), so they are not compared for: %s. Remove them from these documents, "
                  + "or enable tagging in PostHog.")
              .formatted(String.join(", ", untaggable)));
    }
    if (!notStored.isEmpty()) {
      warnings.add(
          ("PostHog did not store %s, so they are not compared. Set them in the PostHog UI, "
                  + "or remove them from the YAML.")
              .formatted(String.join(", ", notStored)));
    }
    return warnings;
  }
}
