package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.PendingReference;
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
 * The references of one plan: a name means the declared object of that name first (its live id, or
 * a {@link PendingReference} when the plan creates it), else the one live object of that name. A
 * name two live objects share resolves to nothing, and their ids stay numbers.
 */
public final class ReferenceTable implements References {
  private final Map<Address, JsonNode> ids = new HashMap<>();
  private final Set<Address> ambiguous = new HashSet<>();
  private final Set<Address> deleted = new HashSet<>();
  private final Map<LiveKey, String> names = new HashMap<>();

  private ReferenceTable() {}

  /** References among live objects only (what {@code export} writes). */
  public static ReferenceTable live(LiveState live) {
    ReferenceTable table = new ReferenceTable();
    for (Kind kind : Kinds.all()) {
      live.of(kind).forEach(table::addLive);
    }
    return table;
  }

  /** References of a plan: declarations first, then live objects. */
  static ReferenceTable of(List<Match> matches, LiveState live) {
    ReferenceTable table = live(live);
    for (Match m : matches) {
      Address address = m.declaration().address();
      if (m.declaration().tombstone()) {
        table.deleted.add(address);
        continue;
      }
      table.ambiguous.remove(address);
      table.ids.put(
          address,
          m.isLive()
              ? m.live().id().json()
              : PendingReference.placeholder(address.kind(), address.identity()));
      if (m.isLive()) {
        table.names.put(m.live().key(), m.declaration().identity());
      }
    }
    return table;
  }

  /**
   * References as a saved plan made them, rebuilt from PostHog as it is now and the plan's own
   * changes: objects it creates are placeholders, objects it renames answer to their new names, and
   * objects it deletes resolve to nothing. A name the plan resolved through an {@code id:} pin,
   * where several live objects share it, resolves to nothing here.
   */
  public static ReferenceTable forSavedPlan(LiveState live, List<Change> changes) {
    ReferenceTable table = live(live);
    for (Change change : changes) {
      Address address = change.address();
      switch (change.action()) {
        case CREATE -> {
          table.ambiguous.remove(address);
          table.ids.put(address, PendingReference.placeholder(address.kind(), address.identity()));
        }
        case UPDATE -> {
          table.ambiguous.remove(address);
          table.ids.put(address, change.liveId().json());
          table.names.put(new LiveKey(address.kind(), change.liveId()), address.identity());
        }
        case DELETE -> table.deleted.add(address);
        case NO_OP -> {}
      }
    }
    return table;
  }

  private void addLive(LiveObject o) {
    names.putIfAbsent(o.key(), o.identity());
    if (ambiguous.contains(o.address())) {
      return;
    }
    if (ids.putIfAbsent(o.address(), o.id().json()) != null) {
      ids.remove(o.address());
      ambiguous.add(o.address());
    }
  }

  @Override
  public Optional<JsonNode> idOf(Kind kind, String identity) {
    Address address = new Address(kind, identity);
    return deleted.contains(address) ? Optional.empty() : Optional.ofNullable(ids.get(address));
  }

  /**
   * The name of a live object by id, when that name leads back to this id (else the id stays);
   * objects this plan deletes keep their names, so the plan shows what points at them.
   */
  @Override
  public Optional<String> identityOf(Kind kind, LiveId id) {
    String name = names.get(new LiveKey(kind, id));
    if (name == null) {
      return Optional.empty();
    }
    JsonNode back = ids.get(new Address(kind, name));
    return back != null && id.matches(back) ? Optional.of(name) : Optional.empty();
  }

  /** Why a name resolves to nothing, for the diagnostic. */
  public String whyMissing(Address address) {
    if (deleted.contains(address)) {
      return "is deleted by a tombstone in this plan";
    }
    if (ambiguous.contains(address)) {
      return "names more than one live object; declare it with an `id:` pin";
    }
    return "is neither declared here nor live in PostHog";
  }
}
