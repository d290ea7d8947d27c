package io.posthoggitops.plan;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveKey;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The three ways a delete is planned (docs/how-plan-decides.md): a tombstone, a document removed
 * since {@code --base}, and {@code --prune}. Deleting an owner also deletes what it owns; an object
 * its kind already counts as removed (an archived early access feature) is left as it is.
 */
final class Deletions {
  private final LiveState live;
  private final References refs;
  private final OwnedObjects owned;
  private final Set<LiveKey> planned = new HashSet<>();
  private final List<PlannedChange> deletes = new ArrayList<>();

  Deletions(LiveState live, References refs, OwnedObjects owned) {
    this.live = live;
    this.refs = refs;
    this.owned = owned;
  }

  /** Tombstones whose object is live (a tombstone for nothing plans nothing). */
  void tombstones(List<Match> matches) {
    matches.stream()
        .filter(m -> m.declaration().tombstone() && m.isLive())
        .forEach(m -> delete(m.live(), m.declaration().location(), DeleteReason.tombstone()));
  }

  /**
   * Documents present at the base ref, gone now, and still live. A live object that a current
   * document matches (e.g. renamed through an {@code id:} pin) is kept: it is being updated.
   */
  void removedSinceBase(
      List<Declaration> removed, Set<Address> declared, Set<LiveKey> matched, String baseRef) {
    for (Declaration d : removed) {
      if (d.tombstone() || declared.contains(d.address())) {
        continue;
      }
      List<LiveObject> found =
          live.of(d.kind()).stream()
              .filter(
                  o ->
                      d.pinnedId() != null
                          ? o.id().equals(d.pinnedId())
                          : o.identity().equals(d.identity()))
              .toList();
      if (found.size() == 1 && !matched.contains(found.get(0).key())) {
        delete(found.get(0), null, DeleteReason.removedSince(baseRef, d.location().file()));
      }
    }
  }

  /** Live objects of the declared kinds that nothing declares, minus the ignore globs. */
  void prune(Set<Kind> kinds, Set<LiveKey> matched, List<String> ignoreGlobs) {
    List<Pattern> ignore = ignoreGlobs.stream().map(Deletions::glob).toList();
    for (Kind kind : kinds) {
      for (LiveObject o : live.of(kind)) {
        if (!matched.contains(o.key())
            && !owned.owns(o)
            && ignore.stream().noneMatch(p -> p.matcher(o.address().toString()).matches())) {
          delete(o, null, DeleteReason.prune());
        }
      }
    }
  }

  List<PlannedChange> deletes() {
    return deletes;
  }

  /** The live objects these deletes remove. */
  Set<LiveKey> deletedKeys() {
    return deletes.stream().map(c -> c.live().key()).collect(Collectors.toSet());
  }

  private void delete(LiveObject o, SourceLocation source, DeleteReason reason) {
    if (o.kind().isRetired(o.raw()) || !planned.add(o.key())) {
      return;
    }
    deletes.add(PlannedChange.delete(o, Canonical.fromLive(o, refs), source, reason));
    owned.ownedBy(o).ifPresent(child -> delete(child, source, reason));
  }

  /**
   * A {@code KIND/IDENTITY} glob: {@code *} any run of characters, {@code ?} one; the kind in any
   * case, as everywhere else kinds are named ({@code featureflag/legacy-*}), the identity exactly.
   */
  static Pattern glob(String glob) {
    int slash = glob.indexOf('/');
    if (slash < 0) {
      return Pattern.compile(regex(glob));
    }
    return Pattern.compile(
        "(?i:" + regex(glob.substring(0, slash)) + ")/" + regex(glob.substring(slash + 1)));
  }

  private static String regex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
