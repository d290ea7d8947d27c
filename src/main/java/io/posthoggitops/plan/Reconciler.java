package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One declaration against its live object: missing → create, compared fields differ → update, else
 * nothing. Collects the resources whose tags PostHog would drop, and refuses experiment status
 * moves PostHog cannot make.
 */
final class Reconciler {
  private static final Map<String, Integer> STATUS_RANK =
      Map.of("draft", 0, "running", 1, "stopped", 2);

  private final References refs;
  private final boolean tagging;
  private final List<Diagnostic> diagnostics;
  private final List<String> untaggable = new ArrayList<>();
  private final List<String> notStored = new ArrayList<>();

  Reconciler(References refs, boolean tagging, List<Diagnostic> diagnostics) {
    this.refs = refs;
    this.tagging = tagging;
    this.diagnostics = diagnostics;
  }

  Optional<PlannedChange> reconcile(Match match) {
    Declaration d = match.declaration();
    ObjectNode desired = Canonical.fromDeclaration(d, refs);
    noteUntaggable(d);
    if (!match.isLive()) {
      return Optional.of(PlannedChange.create(d.kind(), d.identity(), desired, d.location()));
    }
    ObjectNode live = Canonical.fromLive(match.live(), refs);
    ComparedFields.Pair compared =
        ComparedFields.of(d.kind(), desired, live, d.ignoreChanges(), tagging);
    compared.notStored().forEach(field -> notStored.add(field + " of " + d.address()));
    if (compared.same()) {
      return Optional.empty();
    }
    checkStatusMove(d, compared);
    return Optional.of(
        PlannedChange.update(
            match.live(), d.identity(), compared.live(), compared.desired(), d.location(), live));
  }

  /** Resources declaring tags this organisation does not store (for one warning per run). */
  List<String> untaggable() {
    return untaggable;
  }

  /** Declared values PostHog did not store, e.g. {@code layouts of tile `X` of Dashboard/Y}. */
  List<String> notStored() {
    return notStored;
  }

  private void noteUntaggable(Declaration d) {
    boolean declares =
        ComparedFields.TAGGING_FIELDS.stream()
            .anyMatch(f -> !CanonicalJson.isEmpty(d.fields().get(f)));
    if (!tagging && declares) {
      untaggable.add(d.address());
    }
  }

  private void checkStatusMove(Declaration d, ComparedFields.Pair compared) {
    if (d.kind() != Kind.EXPERIMENT) {
      return;
    }
    String from = compared.live().path("status").asText("draft");
    String to = compared.desired().path("status").asText(from);
    if (STATUS_RANK.getOrDefault(to, 0) < STATUS_RANK.getOrDefault(from, 0)) {
      diagnostics.add(
          Diagnostic.error(
              d.locate("/status"),
              "%s is %s in PostHog and cannot move back to %s; experiments only move forward (draft → running → stopped). Set status: %s, or declare a new experiment with another feature_flag_key"
                  .formatted(d.address(), from, to, from, from)));
    }
  }
}
