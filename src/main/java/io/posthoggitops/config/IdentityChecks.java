package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks across documents: one document per identity and per pinned id, and flags owned by
 * experiments.
 */
final class IdentityChecks {

  private IdentityChecks() {}

  static void check(List<ReadDocument> documents, Findings findings) {
    Map<String, ReadDocument> byIdentity = new HashMap<>();
    Map<String, ReadDocument> byId = new HashMap<>();
    for (ReadDocument read : documents) {
      Declaration declaration = read.declaration();
      String identityField = declaration.kind().identityField();
      ReadDocument first = byIdentity.putIfAbsent(declaration.address(), read);
      if (first != null && !bothPinned(first.declaration(), declaration)) {
        findings.error(
            read.document().value("/" + identityField),
            "duplicate "
                + declaration.kind().yamlName()
                + " `"
                + declaration.identity()
                + "`: also declared at "
                + first.declaration().location()
                + "; declare each "
                + identityField
                + " once.");
      }
      if (declaration.pinnedId() != null) {
        ReadDocument pinned =
            byId.putIfAbsent(declaration.kind() + "#" + declaration.pinnedId(), read);
        if (pinned != null) {
          findings.error(
              read.document().value("/id"),
              "id "
                  + declaration.pinnedId()
                  + " is also pinned by "
                  + pinned.declaration().address()
                  + " at "
                  + pinned.declaration().location()
                  + "; an id matches one object.");
        }
      }
    }
    checkExperimentFlags(documents, findings);
  }

  /**
   * PostHog names need not be unique: two documents may share one when each pins its own id (as
   * export writes them), since matching is then by id.
   */
  private static boolean bothPinned(Declaration first, Declaration second) {
    return first.pinnedId() != null && second.pinnedId() != null;
  }

  /**
   * An experiment creates and owns its flag, so a FeatureFlag document with its key would fight it.
   */
  private static void checkExperimentFlags(List<ReadDocument> documents, Findings findings) {
    Map<String, Declaration> experiments = new HashMap<>();
    documents.stream()
        .map(ReadDocument::declaration)
        .filter(d -> d.kind() == Kind.EXPERIMENT && !d.tombstone())
        .forEach(d -> experiments.putIfAbsent(d.identity(), d));
    for (ReadDocument read : documents) {
      Declaration flag = read.declaration();
      Declaration experiment = experiments.get(flag.identity());
      if (flag.kind() == Kind.FEATURE_FLAG && !flag.tombstone() && experiment != null) {
        findings.error(
            read.document().value("/key"),
            "flag `"
                + flag.identity()
                + "` belongs to the"
                + " Experiment `"
                + experiment.fields().path("name").asText()
                + "` at "
                + experiment.location()
                + " (its feature_flag_key); remove this FeatureFlag document and set variants in the"
                + " experiment's parameters.");
      }
    }
  }
}
