package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.Problem;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One declaration against its live object: missing → create, compared fields differ → update, else
 * nothing. Collects the resources declaring fields PostHog would drop, and the updates their kind
 * refuses (an experiment moving back).
 */
final class Reconciler {
  /** Matches whose canonical forms are computed at once. */
  private static final int BATCH = 256;

  private final References refs;
  private final Set<String> features;
  private final List<Diagnostic> diagnostics;
  private final Map<String, List<String>> unstoredByFeature = new LinkedHashMap<>();
  private final List<String> notStored = new ArrayList<>();

  /**
   * @param features the organisation's product features
   */
  Reconciler(References refs, Set<String> features, List<Diagnostic> diagnostics) {
    this.refs = refs;
    this.features = features;
    this.diagnostics = diagnostics;
  }

  /**
   * Hands each match, in order, with its change if it needs one, to {@code decide}. The canonical
   * forms and their comparison read only the match and the references, and are most of a plan's
   * work: they are computed in parallel, a batch at a time so only one batch of forms is held at
   * once, and everything else in order.
   */
  void reconcileAll(List<Match> matches, BiConsumer<Match, Optional<PlannedChange>> decide) {
    for (int from = 0; from < matches.size(); from += BATCH) {
      List<Match> batch = matches.subList(from, Math.min(from + BATCH, matches.size()));
      List<Forms> forms = batch.parallelStream().map(this::forms).toList();
      for (int i = 0; i < batch.size(); i++) {
        decide.accept(batch.get(i), reconcile(batch.get(i), forms.get(i)));
      }
    }
  }

  /**
   * A create's canonical form, or a live match's compared parts and whether they are the same; the
   * canonical live form a change's fingerprint needs is computed again for the few that change.
   */
  private record Forms(ObjectNode desired, ComparedFields.Pair compared, boolean same) {}

  private Forms forms(Match match) {
    Declaration d = match.declaration();
    ObjectNode desired = Canonical.fromDeclaration(d, refs);
    if (!match.isLive()) {
      return new Forms(desired, null, false);
    }
    ObjectNode live = Canonical.fromLive(match.live(), refs);
    ComparedFields.Pair compared =
        ComparedFields.of(d.kind(), desired, live, d.ignoreChanges(), features);
    return new Forms(null, compared, compared.same());
  }

  private Optional<PlannedChange> reconcile(Match match, Forms forms) {
    Declaration d = match.declaration();
    noteUnstored(d);
    if (!match.isLive()) {
      return Optional.of(PlannedChange.create(d.address(), forms.desired(), d.location()));
    }
    ComparedFields.Pair compared = forms.compared();
    compared.notStored().forEach(field -> notStored.add(field + " of " + d.address()));
    if (forms.same()) {
      return Optional.empty();
    }
    for (Problem problem : d.kind().refusedUpdate(compared.live(), compared.desired())) {
      diagnostics.add(Diagnostic.error(d.locate(problem.pointer()), problem.message()));
    }
    return Optional.of(
        PlannedChange.update(
            match.live(),
            d.address(),
            compared.live(),
            compared.desired(),
            d.location(),
            Canonical.fromLive(match.live(), refs)));
  }

  /** Whether {@code proposed} (a live object as a change request would leave it) is declared. */
  boolean holds(Match match, LiveObject proposed) {
    Declaration d = match.declaration();
    ObjectNode desired = Canonical.fromDeclaration(d, refs);
    ObjectNode after = Canonical.fromLive(proposed, refs);
    return ComparedFields.of(d.kind(), desired, after, d.ignoreChanges(), features).same();
  }

  /**
   * Resources declaring fields this organisation does not store, by the feature it lacks (for one
   * warning per run).
   */
  Map<String, List<String>> unstoredByFeature() {
    return unstoredByFeature;
  }

  /** Declared values PostHog did not store, e.g. {@code layouts of tile `X` of Dashboard/Y}. */
  List<String> notStored() {
    return notStored;
  }

  private void noteUnstored(Declaration d) {
    for (FieldSpec field : d.kind().spec().fields().values()) {
      String feature = field.requiresFeature();
      if (feature != null
          && !features.contains(feature)
          && !CanonicalJson.isEmpty(d.fields().get(field.name()))) {
        List<String> resources = unstoredByFeature.computeIfAbsent(feature, f -> new ArrayList<>());
        if (!resources.contains(d.address().toString())) {
          resources.add(d.address().toString());
        }
      }
    }
  }
}
