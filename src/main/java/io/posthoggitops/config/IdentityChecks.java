package io.posthoggitops.config;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.Ownership;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks across documents: one document per identity and per pinned id, and no document for an
 * object another one owns (an experiment's flag).
 */
final class IdentityChecks {

  private IdentityChecks() {}

  static void check(List<ReadDocument> documents, Findings findings) {
    Map<Address, ReadDocument> byIdentity = new HashMap<>();
    Map<LiveKey, ReadDocument> byId = new HashMap<>();
    for (ReadDocument read : documents) {
      Declaration declaration = read.declaration();
      String identityField = declaration.kind().identityField();
      ReadDocument first = byIdentity.putIfAbsent(declaration.address(), read);
      if (first != null && !bothPinned(first.declaration(), declaration)) {
        findings.error(
            read.document().value("/" + identityField),
            "duplicate "
                + declaration.kind().name()
                + " `"
                + declaration.identity()
                + "`: also declared at "
                + first.declaration().location()
                + "; declare each "
                + identityField
                + " once.");
      }
      if (declaration.pinnedId() != null) {
        ReadDocument pinned = byId.putIfAbsent(declaration.pinnedKey(), read);
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
    checkOwned(documents, findings);
  }

  /**
   * PostHog names need not be unique: two documents may share one when each pins its own id (as
   * export writes them), since matching is then by id.
   */
  private static boolean bothPinned(Declaration first, Declaration second) {
    return first.pinnedId() != null && second.pinnedId() != null;
  }

  /** An owner creates and owns its object, so a document of the owned object would fight it. */
  private static void checkOwned(List<ReadDocument> documents, Findings findings) {
    Map<Address, Declaration> owners = new HashMap<>();
    for (ReadDocument read : documents) {
      Declaration d = read.declaration();
      Optional<Ownership> owns = d.kind().ownership();
      if (owns.isPresent() && !d.tombstone()) {
        owners.putIfAbsent(new Address(owns.get().owned(), d.identity()), d);
      }
    }
    for (ReadDocument read : documents) {
      Declaration owned = read.declaration();
      Declaration owner = owners.get(owned.address());
      if (owner != null && !owned.tombstone()) {
        Kind kind = owned.kind();
        findings.error(
            read.document().value("/" + kind.identityField()),
            owner
                .kind()
                .ownership()
                .orElseThrow()
                .claimedInFiles(owned.identity(), owner.fields(), owner.location().toString()));
      }
    }
  }
}
