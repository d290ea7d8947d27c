package io.posthoggitops.plan;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.Ownership;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.LiveKey;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Live objects that belong to another live object (an experiment's flag, which PostHog lists with
 * the other flags): named by their owner, or marked as owned themselves. They are managed through
 * their owner, never on their own.
 */
public final class OwnedObjects {
  private final Set<Address> addresses = new HashSet<>();
  private final Set<LiveKey> keys = new HashSet<>();
  private final LiveState live;

  /** Per owned kind: where each key and each identity first occurs in its live list. */
  private final Map<Kind, FirstOf> firsts = new HashMap<>();

  private OwnedObjects(LiveState live) {
    this.live = live;
  }

  public static OwnedObjects of(LiveState live) {
    OwnedObjects owned = new OwnedObjects(live);
    for (Kind kind : Kinds.all()) {
      kind.ownership().ifPresent(ownership -> owned.add(kind, ownership));
    }
    return owned;
  }

  private void add(Kind owner, Ownership ownership) {
    for (LiveObject o : live.of(owner)) {
      addresses.add(new Address(ownership.owned(), o.identity()));
      ownership.ownedId(o.raw()).ifPresent(id -> keys.add(new LiveKey(ownership.owned(), id)));
    }
    for (LiveObject o : live.of(ownership.owned())) {
      if (ownership.marksItselfOwned(o.raw())) {
        keys.add(o.key());
      }
    }
  }

  public boolean owns(LiveObject o) {
    return keys.contains(o.key()) || addresses.contains(o.address());
  }

  /** The live object an owner owns, if PostHog still lists it. */
  Optional<LiveObject> ownedBy(LiveObject owner) {
    Optional<Ownership> ownership = owner.kind().ownership();
    if (ownership.isEmpty()) {
      return Optional.empty();
    }
    Kind owned = ownership.get().owned();
    Optional<LiveKey> key = ownership.get().ownedId(owner.raw()).map(id -> new LiveKey(owned, id));
    List<LiveObject> objects = live.of(owned);
    FirstOf first = firsts.computeIfAbsent(owned, k -> FirstOf.of(objects));
    // The first object matching either way, as a scan of the list in order would find it.
    int at =
        Math.min(
            key.map(first.byKey::get).orElse(Integer.MAX_VALUE),
            first.byIdentity.getOrDefault(owner.identity(), Integer.MAX_VALUE));
    return at == Integer.MAX_VALUE ? Optional.empty() : Optional.of(objects.get(at));
  }

  /** Indexes into one kind's live list, so an owner finds what it owns without a scan. */
  private record FirstOf(Map<LiveKey, Integer> byKey, Map<String, Integer> byIdentity) {
    static FirstOf of(List<LiveObject> objects) {
      FirstOf first = new FirstOf(new HashMap<>(), new HashMap<>());
      for (int i = 0; i < objects.size(); i++) {
        first.byKey.putIfAbsent(objects.get(i).key(), i);
        first.byIdentity.putIfAbsent(objects.get(i).identity(), i);
      }
      return first;
    }
  }
}
