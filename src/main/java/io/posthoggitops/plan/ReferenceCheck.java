package io.posthoggitops.plan;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plan-time checks on declarations: every reference by name resolves (to a declared or live
 * object), and no FeatureFlag document claims a flag an experiment owns.
 */
final class ReferenceCheck {

  private ReferenceCheck() {}

  static List<Diagnostic> check(List<Match> matches, ReferenceTable refs, ExperimentFlags owned) {
    List<Diagnostic> found = new ArrayList<>();
    Set<String> experimentKeys =
        matches.stream()
            .map(Match::declaration)
            .filter(d -> d.kind() == Kind.EXPERIMENT && !d.tombstone())
            .map(Declaration::identity)
            .collect(Collectors.toSet());
    for (Match m : matches) {
      Declaration d = m.declaration();
      if (d.tombstone()) {
        continue;
      }
      for (String field : KindForm.of(d.kind()).referenceFields()) {
        for (ReferenceNodes.Found ref : ReferenceNodes.find(d.fields().get(field), "/" + field)) {
          if (refs.idOf(ref.kind(), ref.identity()).isEmpty()) {
            found.add(
                Diagnostic.error(
                    d.locate(ref.pointer()),
                    "%s references %s \"%s\", which %s"
                        .formatted(
                            d.address(),
                            ref.kind().yamlName(),
                            ref.identity(),
                            refs.whyMissing(ref.kind(), ref.identity()))));
          }
        }
      }
      boolean experimentsFlag =
          (m.isLive() && owned.owns(m.live())) || experimentKeys.contains(d.identity());
      if (d.kind() == Kind.FEATURE_FLAG && experimentsFlag) {
        found.add(
            Diagnostic.error(
                d.location(),
                "%s is the flag of an experiment; manage it through its Experiment document and remove this FeatureFlag document"
                    .formatted(d.address())));
      }
    }
    return found;
  }
}
