package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.Ownership;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks references by name: a name nothing declares is a warning (it may exist live; the plan
 * fails if it does not), a name whose document is a tombstone is an error, a target its kind
 * refuses for the purpose is an error, and cycles among objects of one kind are errors.
 */
final class ReferenceChecks {

  private ReferenceChecks() {}

  static void check(
      List<ReadDocument> documents, List<ReferenceUse> references, Findings findings) {
    Map<Address, Declaration> declared = new HashMap<>();
    Map<Address, Integer> declarations = new HashMap<>();
    for (ReadDocument read : documents) {
      Declaration d = read.declaration();
      declared.putIfAbsent(d.address(), d);
      declarations.merge(d.address(), 1, Integer::sum);
      Optional<Ownership> owns = d.kind().ownership();
      if (owns.isPresent() && !d.tombstone()) {
        declared.putIfAbsent(new Address(owns.get().owned(), d.identity()), d);
      }
    }
    for (ReferenceUse use : references) {
      Declaration target = declared.get(use.address());
      checkTarget(use, target, findings);
      if (declarations.getOrDefault(use.address(), 0) > 1) {
        findings.error(
            use.location(),
            use.target().name()
                + " `"
                + use.name()
                + "` is declared by "
                + declarations.get(use.address())
                + " documents; refer to the one meant by its id instead of its name.");
      }
      if (target != null && target.kind() == use.target() && !target.tombstone()) {
        use.target()
            .refusedAsTarget(
                use.purpose(), use.name(), target.fields(), live(declared, use.target()))
            .ifPresent(message -> findings.error(use.location(), message));
      }
    }
    for (Kind kind : Kinds.all()) {
      checkCycles(references, kind, findings);
    }
  }

  /** The fields of the declared objects of a kind that are not tombstones, by identity. */
  private static Function<String, Optional<JsonNode>> live(
      Map<Address, Declaration> declared, Kind kind) {
    return name ->
        Optional.ofNullable(declared.get(new Address(kind, name)))
            .filter(d -> d.kind() == kind && !d.tombstone())
            .map(Declaration::fields);
  }

  private static void checkTarget(ReferenceUse use, Declaration target, Findings findings) {
    String what = use.target().name() + " `" + use.name() + "`";
    if (target == null) {
      findings.warning(
          use.location(),
          what
              + " is not declared in these files; plan looks it up in"
              + " PostHog and fails if it does not exist there.");
    } else if (target.tombstone()) {
      findings.error(
          use.location(),
          what
              + " is deleted by its tombstone at "
              + target.location()
              + "; remove this reference or keep the "
              + use.target().name()
              + ".");
    }
  }

  private static void checkCycles(List<ReferenceUse> references, Kind kind, Findings findings) {
    Map<String, List<ReferenceUse>> edges = new LinkedHashMap<>();
    for (ReferenceUse use : references) {
      if (use.target() == kind && use.from().kind() == kind) {
        edges.computeIfAbsent(use.from().identity(), k -> new ArrayList<>()).add(use);
      }
    }
    if (!edges.isEmpty()) {
      new CycleFinder(edges, kind.referenceWord(), findings).run();
    }
  }
}
