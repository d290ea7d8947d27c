package io.posthoggitops.plan;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.Ownership;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plan-time checks on declarations: every reference by name resolves (to a declared or live
 * object), and no document claims an object another one owns (an experiment's flag).
 */
final class ReferenceCheck {

  private ReferenceCheck() {}

  static List<Diagnostic> check(List<Match> matches, ReferenceTable refs, OwnedObjects owned) {
    List<Diagnostic> found = new ArrayList<>();
    Set<Address> declaredOwned = new HashSet<>();
    for (Match m : matches) {
      Declaration d = m.declaration();
      d.kind()
          .ownership()
          .filter(o -> !d.tombstone())
          .ifPresent(o -> declaredOwned.add(new Address(o.owned(), d.identity())));
    }
    for (Match m : matches) {
      Declaration d = m.declaration();
      if (d.tombstone()) {
        continue;
      }
      for (ReferenceNodes.Found ref : ReferenceNodes.find(d.kind(), d.fields())) {
        Address target = ref.address();
        if (refs.idOf(target.kind(), target.identity()).isEmpty()) {
          found.add(
              Diagnostic.error(
                  d.locate(ref.pointer()),
                  "%s references %s \"%s\", which %s"
                      .formatted(
                          d.address(),
                          target.kind().name(),
                          target.identity(),
                          refs.whyMissing(target))));
        }
      }
      boolean claimsOwned =
          (m.isLive() && owned.owns(m.live())) || declaredOwned.contains(d.address());
      Optional<Ownership> ownership = ownershipOf(d.kind());
      if (claimsOwned && ownership.isPresent()) {
        found.add(
            Diagnostic.error(d.location(), ownership.get().claimedLive(d.address().toString())));
      }
    }
    return found;
  }

  private static Optional<Ownership> ownershipOf(Kind owned) {
    return Kinds.ownerOf(owned).flatMap(Kind::ownership);
  }
}
