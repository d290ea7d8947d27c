package io.posthoggitops.plan;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
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
 * The three ways a delete is planned (DESIGN.md §3): a tombstone, a document removed since {@code
 * --base}, and {@code --prune}. Deleting an experiment also deletes the flag it owns.
 */
final class Deletions {
  private final LiveState live;
  private final References refs;
  private final ExperimentFlags owned;
  private final Set<String> planned = new HashSet<>();
  private final List<PlannedChange> deletes = new ArrayList<>();

  Deletions(LiveState live, References refs, ExperimentFlags owned) {
    this.live = live;
    this.refs = refs;
    this.owned = owned;
  }

  /** Tombstones whose object is live (a tombstone for nothing plans nothing). */
  void tombstones(List<Match> matches) {
    matches.stream()
        .filter(m -> m.declaration().tombstone() && m.isLive())
        .forEach(m -> delete(m.live(), m.declaration().location(), "tombstone"));
  }

  /**
   * Documents present at the base ref, gone now, and still live. A live object that a current
   * document matches (e.g. renamed through an {@code id:} pin) is kept: it is being updated.
   */
  void removedSinceBase(
      List<Declaration> removed, Set<String> declared, Set<String> matchedKeys, String baseRef) {
    for (Declaration d : removed) {
      if (d.tombstone() || declared.contains(d.address())) {
        continue;
      }
      List<LiveObject> found =
          live.of(d.kind()).stream()
              .filter(
                  o ->
                      d.pinnedId() != null
                          ? o.id() == d.pinnedId()
                          : o.identity().equals(d.identity()))
              .toList();
      if (found.size() == 1 && !matchedKeys.contains(key(found.get(0)))) {
        delete(found.get(0), null, "removed since %s (%s)".formatted(baseRef, d.location().file()));
      }
    }
  }

  /** Live objects of the declared kinds that nothing declares, minus the ignore globs. */
  void prune(Set<Kind> kinds, Set<String> declaredKeys, List<String> ignoreGlobs) {
    List<Pattern> ignore = ignoreGlobs.stream().map(Deletions::glob).toList();
    for (Kind kind : kinds) {
      for (LiveObject o : live.of(kind)) {
        boolean declared = declaredKeys.contains(key(o));
        if (!declared
            && !owned.owns(o)
            && ignore.stream().noneMatch(p -> p.matcher(o.address()).matches())) {
          delete(o, null, "--prune");
        }
      }
    }
  }

  List<PlannedChange> deletes() {
    return deletes;
  }

  /** Keys ({@link #key}) of the live objects these deletes remove. */
  Set<String> deletedKeys() {
    return deletes.stream().map(c -> key(c.live())).collect(Collectors.toSet());
  }

  /** A live object's key across kinds: {@code KIND#ID}. */
  static String key(LiveObject o) {
    return o.kind() + "#" + o.id();
  }

  private void delete(LiveObject o, SourceLocation source, String reason) {
    if (!planned.add(key(o))) {
      return;
    }
    deletes.add(PlannedChange.delete(o, Canonical.fromLive(o, refs), source, reason));
    if (o.kind() == Kind.EXPERIMENT) {
      owned.flagOf(o).ifPresent(flag -> delete(flag, source, reason));
    }
  }

  /** A {@code KIND/IDENTITY} glob: {@code *} any run of characters, {@code ?} one. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
