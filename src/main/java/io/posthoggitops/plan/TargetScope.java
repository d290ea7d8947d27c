package io.posthoggitops.plan;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.UserError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code --target KIND/IDENTITY}: the named resources plus everything they reference, transitively
 * (an experiment brings its flag along). An address that names nothing declared or live is an
 * error, since a typo would otherwise plan nothing and look like success.
 */
final class TargetScope {

  private TargetScope() {}

  /** The addresses in scope, or null for "everything" when no target is given. */
  static Set<String> of(
      List<String> targets, List<Declaration> declared, List<Declaration> removed, LiveState live) {
    if (targets == null || targets.isEmpty()) {
      return null;
    }
    targets.forEach(t -> checkKnown(t, declared, removed, live));
    Set<String> scope = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(targets);
    while (!todo.isEmpty()) {
      String address = todo.pop();
      if (!scope.add(address)) {
        continue;
      }
      if (address.startsWith(Kind.EXPERIMENT.yamlName() + "/")) {
        todo.push(Kind.FEATURE_FLAG.yamlName() + address.substring(address.indexOf('/')));
      }
      declared.stream()
          .filter(d -> d.address().equals(address) && !d.tombstone())
          .flatMap(TargetScope::referencesOf)
          .forEach(todo::push);
    }
    return scope;
  }

  private static Stream<String> referencesOf(Declaration d) {
    return KindForm.of(d.kind()).referenceFields().stream()
        .flatMap(f -> ReferenceNodes.find(d.fields().get(f), "/" + f).stream())
        .map(ReferenceNodes.Found::address);
  }

  private static void checkKnown(
      String target, List<Declaration> declared, List<Declaration> removed, LiveState live) {
    int slash = target.indexOf('/');
    Kind kind = slash < 0 ? null : Kind.fromYamlName(target.substring(0, slash)).orElse(null);
    if (kind == null) {
      throw new UserError(
          "--target "
              + target
              + " is not KIND/IDENTITY with KIND one of "
              + "Action, Cohort, FeatureFlag, Experiment, Dashboard (e.g. FeatureFlag/new-checkout)");
    }
    boolean known =
        Stream.concat(declared.stream(), removed.stream()).anyMatch(d -> d.address().equals(target))
            || live.of(kind).stream().anyMatch(o -> o.address().equals(target));
    if (!known) {
      throw new UserError(
          "--target "
              + target
              + " names no declared or live resource; "
              + "check the spelling (flag keys are case-sensitive) or run without --target");
    }
  }
}
