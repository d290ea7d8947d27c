package io.posthoggitops.plan;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveKey;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pairs declarations with live objects: an {@code id:} pin first, else the identity (flag key and
 * experiment flag key case-sensitive, names exact) among live objects no pin has claimed.
 */
final class Matcher {

  private Matcher() {}

  /** Matches in declaration order; problems go to {@code diagnostics}. */
  static List<Match> match(
      List<Declaration> declarations, LiveState live, List<Diagnostic> diagnostics) {
    checkDuplicates(declarations, diagnostics);
    Set<LiveKey> pinned = new HashSet<>();
    Map<Declaration, LiveObject> byPin = new HashMap<>();
    for (Declaration d : declarations) {
      if (d.pinnedId() != null) {
        LiveObject found = byId(live, d);
        if (found != null) {
          byPin.put(d, found);
          pinned.add(found.key());
        } else if (!d.tombstone()) {
          diagnostics.add(
              Diagnostic.error(
                  d.location(),
                  "%s pins id: %s, but PostHog has no live %s with that id; remove the pin to match by %s, or fix the id"
                      .formatted(
                          d.address(), d.pinnedId(), d.kind().name(), d.kind().identityField())));
        }
      }
    }
    Map<Address, List<LiveObject>> byAddress = new HashMap<>();
    for (Kind kind : Kinds.all()) {
      live.of(kind).stream()
          .filter(o -> !pinned.contains(o.key()))
          .forEach(o -> byAddress.computeIfAbsent(o.address(), a -> new ArrayList<>()).add(o));
    }
    List<Match> matches = new ArrayList<>();
    for (Declaration d : declarations) {
      LiveObject found =
          d.pinnedId() != null
              ? byPin.get(d)
              : byIdentity(d, byAddress.getOrDefault(d.address(), List.of()), diagnostics);
      matches.add(new Match(d, found));
    }
    return matches;
  }

  private static LiveObject byId(LiveState live, Declaration d) {
    return live.of(d.kind()).stream()
        .filter(o -> o.id().equals(d.pinnedId()))
        .findFirst()
        .orElse(null);
  }

  /**
   * The one live object among {@code candidates} (same kind and identity, not pinned by others).
   */
  private static LiveObject byIdentity(
      Declaration d, List<LiveObject> candidates, List<Diagnostic> diagnostics) {
    if (candidates.size() > 1) {
      String ids =
          candidates.stream().map(o -> String.valueOf(o.id())).collect(Collectors.joining(" and "));
      diagnostics.add(
          Diagnostic.error(
              d.location(),
              "%s matches %d live objects (ids %s); add `id: <one of them>` to the document to say which one it is"
                  .formatted(d.address(), candidates.size(), ids)));
      return null;
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  private static void checkDuplicates(
      List<Declaration> declarations, List<Diagnostic> diagnostics) {
    Map<LiveKey, Declaration> byPin = new HashMap<>();
    Map<Address, Declaration> byIdentity = new HashMap<>();
    for (Declaration d : declarations) {
      Declaration first =
          d.pinnedId() != null
              ? byPin.putIfAbsent(d.pinnedKey(), d)
              : byIdentity.putIfAbsent(d.address(), d);
      if (first != null) {
        diagnostics.add(
            Diagnostic.error(
                d.location(),
                "%s is declared twice (first at %s); keep one document per resource"
                    .formatted(d.address(), first.location())));
      }
    }
  }
}
