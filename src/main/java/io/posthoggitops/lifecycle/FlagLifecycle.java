package io.posthoggitops.lifecycle;

import io.posthoggitops.impact.Calls;
import io.posthoggitops.impact.UsageCounts;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.Suggestions;
import io.posthoggitops.kind.Usage;
import io.posthoggitops.kind.Usage.Standing;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sorts declared flags by where they stand (docs/commands/lifecycle.md): a flag not serving is
 * inactive; a serving one not called in the period is dead; a serving one that serves everyone and
 * has not changed in the period is fully rolled out. Each flag lands in one list at most; flags new
 * within the period, or changed within it, are not judged.
 */
public final class FlagLifecycle {

  /**
   * What {@code lifecycle} judges from.
   *
   * @param declarations every declaration read
   * @param live the live objects of the kinds with usage
   * @param counts the calls in the period, or null when they could not be counted
   * @param code the source tree, or null without {@code --code}
   */
  public record Inputs(
      List<Declaration> declarations,
      List<LiveObject> live,
      UsageCounts counts,
      CodeReferences code,
      Instant now,
      int days) {}

  private FlagLifecycle() {}

  public static LifecycleReport report(Inputs in) {
    Instant cutoff = in.now().minus(Duration.ofDays(in.days()));
    List<DeclaredFlag> dead = new ArrayList<>();
    List<DeclaredFlag> rolledOut = new ArrayList<>();
    List<DeclaredFlag> inactive = new ArrayList<>();
    List<DeclaredFlag> unreferenced = new ArrayList<>();
    List<Declaration> flags = declaredFlags(in.declarations());
    for (Declaration declaration : flags) {
      Optional<LiveObject> live = liveFor(declaration, in.live());
      Standing standing = live.map(o -> usage(o.kind()).standing(o.raw())).orElse(null);
      Calls calls =
          live.isEmpty() || in.counts() == null ? null : in.counts().of(live.get().identity());
      DeclaredFlag flag =
          new DeclaredFlag(declaration.identity(), declaration.location(), calls, standing);
      Optional<Verdict> verdict = standing == null ? Optional.empty() : judge(flag, cutoff);
      verdict.ifPresent(
          v -> {
            switch (v) {
              case DEAD -> dead.add(flag);
              case FULL -> rolledOut.add(flag);
              case INACTIVE -> inactive.add(flag);
            }
          });
      if (in.code() != null && !in.code().literals().contains(declaration.identity())) {
        unreferenced.add(flag);
      }
    }
    return new LifecycleReport(
        in.days(),
        flags.size(),
        sorted(dead),
        sorted(rolledOut),
        sorted(inactive),
        sorted(unreferenced),
        in.code() == null ? List.of() : strays(in),
        in.code());
  }

  private enum Verdict {
    DEAD,
    FULL,
    INACTIVE
  }

  private static Optional<Verdict> judge(DeclaredFlag flag, Instant cutoff) {
    Standing standing = flag.standing();
    boolean settled =
        standing.changedAt().or(standing::createdAt).map(cutoff::isAfter).orElse(true);
    if (!standing.serving()) {
      return settled ? Optional.of(Verdict.INACTIVE) : Optional.empty();
    }
    boolean old = standing.createdAt().map(cutoff::isAfter).orElse(true);
    boolean uncalled =
        flag.calls() != null
            ? flag.calls().calls() == 0
            : standing.lastCalledAt().map(cutoff::isAfter).orElse(true);
    if (old && uncalled) {
      return Optional.of(Verdict.DEAD);
    }
    return standing.fullyRolledOut() && settled ? Optional.of(Verdict.FULL) : Optional.empty();
  }

  /** The live keys of the declared flags that are live, whose calls the report wants. */
  public static List<String> liveKeys(List<Declaration> declarations, List<LiveObject> live) {
    return declaredFlags(declarations).stream()
        .flatMap(d -> liveFor(d, live).stream())
        .map(LiveObject::identity)
        .distinct()
        .toList();
  }

  /** Declarations of the kinds with usage, tombstones left out: they are being deleted. */
  private static List<Declaration> declaredFlags(List<Declaration> declarations) {
    return declarations.stream()
        .filter(d -> d.kind().usage().isPresent() && !d.tombstone())
        .toList();
  }

  private static Optional<LiveObject> liveFor(Declaration declaration, List<LiveObject> live) {
    return live.stream()
        .filter(o -> o.kind() == declaration.kind())
        .filter(
            o ->
                declaration.pinnedId() != null
                    ? o.id().equals(declaration.pinnedId())
                    : o.identity().equals(declaration.identity()))
        .findFirst();
  }

  /** Keys called in code that no declaration names, each once, where it is first called. */
  private static List<StrayKey> strays(Inputs in) {
    Set<String> named = namedKeys(in.declarations());
    Set<String> inPostHog =
        in.live().stream().map(LiveObject::identity).collect(Collectors.toSet());
    Set<String> deleted =
        in.declarations().stream()
            .filter(d -> d.kind().usage().isPresent() && d.tombstone())
            .map(Declaration::identity)
            .collect(Collectors.toSet());
    Map<String, List<KeyInCode>> byKey = new LinkedHashMap<>();
    for (KeyInCode call : in.code().calls()) {
      if (!named.contains(call.key())) {
        byKey.computeIfAbsent(call.key(), k -> new ArrayList<>()).add(call);
      }
    }
    List<StrayKey> strays = new ArrayList<>();
    byKey.forEach(
        (key, calls) ->
            strays.add(
                new StrayKey(
                    calls.get(0),
                    calls.size(),
                    deleted.contains(key)
                        ? StrayKey.Why.DELETED_HERE
                        : inPostHog.contains(key)
                            ? StrayKey.Why.NOT_DECLARED
                            : StrayKey.Why.NOT_IN_POSTHOG,
                    deleted.contains(key) ? null : Suggestions.closest(key, named).orElse(null))));
    strays.sort(Comparator.comparing(s -> s.first().key()));
    return strays;
  }

  /**
   * The keys declared: flags' own, and those of objects that own flags (an experiment's flag bears
   * its key).
   */
  private static Set<String> namedKeys(List<Declaration> declarations) {
    Set<Kind> naming = new HashSet<>();
    for (Kind kind : Kinds.all()) {
      if (kind.usage().isPresent()) {
        naming.add(kind);
        Kinds.ownerOf(kind).ifPresent(naming::add);
      }
    }
    return declarations.stream()
        .filter(d -> naming.contains(d.kind()) && !d.tombstone())
        .map(Declaration::identity)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Usage usage(Kind kind) {
    return kind.usage().orElseThrow();
  }

  private static List<DeclaredFlag> sorted(List<DeclaredFlag> flags) {
    return flags.stream().sorted(Comparator.comparing(DeclaredFlag::key)).toList();
  }
}
