package io.posthoggitops.kinds;

import io.posthoggitops.kind.ForeignKey;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.Ownership;
import io.posthoggitops.kinds.action.ActionKind;
import io.posthoggitops.kinds.cohort.CohortKind;
import io.posthoggitops.kinds.dashboard.DashboardKind;
import io.posthoggitops.kinds.earlyaccess.EarlyAccessFeatureKind;
import io.posthoggitops.kinds.experiment.ExperimentKind;
import io.posthoggitops.kinds.featureflag.FeatureFlagKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The kinds this tool manages, in dependency order: a kind may reference only kinds before it, so
 * creates run in this order and deletes in the reverse. A new kind is one line here.
 */
public final class Kinds {

  private static final List<Kind> ALL =
      List.of(
          ActionKind.KIND,
          CohortKind.KIND,
          FeatureFlagKind.KIND,
          ExperimentKind.KIND,
          EarlyAccessFeatureKind.KIND,
          DashboardKind.KIND);

  private Kinds() {}

  /** Every kind, in dependency order. */
  public static List<Kind> all() {
    return ALL;
  }

  /** The kind of a YAML {@code kind:} value, spelled exactly. */
  public static Optional<Kind> named(String name) {
    for (Kind kind : ALL) { // loops, not streams, in the lookups a large plan makes per object
      if (kind.name().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind of a name given on the command line, in any case ({@code featureflag}). */
  public static Optional<Kind> namedIgnoringCase(String name) {
    return ALL.stream().filter(k -> k.name().equalsIgnoreCase(name.trim())).findFirst();
  }

  /** The kind references call {@code word}, as in {@code {cohort: NAME}}. */
  public static Optional<Kind> byReferenceWord(String word) {
    for (Kind kind : ALL) {
      if (Objects.equals(kind.referenceWord(), word)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind's place in dependency order. */
  public static int order(Kind kind) {
    return ALL.indexOf(kind);
  }

  /** {@code Action, Cohort, FeatureFlag, …}, for messages. */
  public static String names() {
    return ALL.stream().map(Kind::name).collect(Collectors.joining(", "));
  }

  /** The ownerships declared by the kinds (an experiment's flag). */
  public static List<Ownership> ownerships() {
    return ALL.stream().flatMap(k -> k.ownership().stream()).toList();
  }

  /** The kind owning objects of {@code owned}, if one does, with its ownership. */
  public static Optional<Kind> ownerOf(Kind owned) {
    for (Kind kind : ALL) {
      if (kind.ownership().map(o -> o.owned() == owned).orElse(false)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * The keys of {@code kind}'s objects that others write: those the kind lists itself, and those
   * other kinds say they write into it.
   */
  public static List<ForeignKey> foreignKeysOf(Kind kind) {
    return FOREIGN_KEYS.computeIfAbsent(kind, Kinds::collectForeignKeys);
  }

  /** Each kind's foreign keys, collected once: the planner asks for them per object. */
  private static final Map<Kind, List<ForeignKey>> FOREIGN_KEYS = new ConcurrentHashMap<>();

  private static List<ForeignKey> collectForeignKeys(Kind kind) {
    List<ForeignKey> keys = new ArrayList<>(kind.foreignKeys());
    if (kind.referenceWord() != null) {
      ALL.stream()
          .flatMap(k -> k.writesInto().stream())
          .filter(key -> key.targetWord().equals(kind.referenceWord()))
          .forEach(keys::add);
    }
    return List.copyOf(keys);
  }
}
