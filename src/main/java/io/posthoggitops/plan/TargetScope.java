package io.posthoggitops.plan;

import io.posthoggitops.kind.Ownership;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code --target KIND/IDENTITY}: the named resources plus everything they reference, transitively
 * (an owner brings what it owns along). An address that names nothing declared or live is an error,
 * since a typo would otherwise plan nothing and look like success.
 */
final class TargetScope {

  private TargetScope() {}

  /** The addresses in scope, or null for "everything" when no target is given. */
  static Set<Address> of(
      List<Address> targets,
      List<Declaration> declared,
      List<Declaration> removed,
      LiveState live,
      List<Diagnostic> diagnostics) {
    if (targets == null || targets.isEmpty()) {
      return null;
    }
    targets.stream()
        .filter(t -> !isKnown(t, declared, removed, live))
        .forEach(
            t ->
                diagnostics.add(
                    Diagnostic.argument(
                        "--target "
                            + t
                            + " names no declared or live resource; check the spelling (flag keys"
                            + " are case-sensitive) or run without --target")));
    Set<Address> scope = new HashSet<>();
    Deque<Address> todo = new ArrayDeque<>(targets);
    while (!todo.isEmpty()) {
      Address address = todo.pop();
      if (!scope.add(address)) {
        continue;
      }
      address
          .kind()
          .ownership()
          .map(Ownership::owned)
          .ifPresent(owned -> todo.push(new Address(owned, address.identity())));
      declared.stream()
          .filter(d -> d.address().equals(address) && !d.tombstone())
          .flatMap(TargetScope::referencesOf)
          .forEach(todo::push);
    }
    return scope;
  }

  private static Stream<Address> referencesOf(Declaration d) {
    return ReferenceNodes.find(d.kind(), d.fields()).stream().map(ReferenceNodes.Found::address);
  }

  private static boolean isKnown(
      Address target, List<Declaration> declared, List<Declaration> removed, LiveState live) {
    return Stream.concat(declared.stream(), removed.stream())
            .anyMatch(d -> d.address().equals(target))
        || live.of(target.kind()).stream().anyMatch(o -> o.address().equals(target));
  }
}
