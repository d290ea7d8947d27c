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

/**
 * One declaration against its live object: missing → create, compared fields differ → update, else
 * nothing. Collects the resources declaring fields PostHog would drop, and the updates their kind
 * refuses (an experiment moving back).
 */
final class Reconciler {
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

  Optional<PlannedChange> reconcile(Match match) {
    Declaration d = match.declaration();
    ObjectNode desired = Canonical.fromDeclaration(d, refs);
    noteUnstored(d);
    if (!match.isLive()) {
      return Optional.of(PlannedChange.create(d.address(), desired, d.location()));
    }
    ObjectNode live = Canonical.fromLive(match.live(), refs);
    ComparedFields.Pair compared =
        ComparedFields.of(d.kind(), desired, live, d.ignoreChanges(), features);
    compared.notStored().forEach(field -> notStored.add(field + " of " + d.address()));
    if (compared.same()) {
      return Optional.empty();
    }
    for (Problem problem : d.kind().refusedUpdate(compared.live(), compared.desired())) {
      diagnostics.add(Diagnostic.error(d.locate(problem.pointer()), problem.message()));
    }
    return Optional.of(
        PlannedChange.update(
            match.live(), d.address(), compared.live(), compared.desired(), d.location(), live));
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
