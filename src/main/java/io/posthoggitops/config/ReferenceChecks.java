package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks references by name: a name nothing declares is a warning (it may exist live; the plan
 * fails if it does not), a name whose document is a tombstone is an error, and cycles between
 * cohorts or between flags are errors.
 */
final class ReferenceChecks {

  private ReferenceChecks() {}

  static void check(
      List<ReadDocument> documents, List<ReferenceUse> references, Findings findings) {
    Map<String, Declaration> declared = new HashMap<>();
    Map<String, Integer> declarations = new HashMap<>();
    for (ReadDocument read : documents) {
      Declaration d = read.declaration();
      declared.putIfAbsent(d.address(), d);
      declarations.merge(d.address(), 1, Integer::sum);
      if (d.kind() == Kind.EXPERIMENT && !d.tombstone()) {
        declared.putIfAbsent(Kind.FEATURE_FLAG.yamlName() + "/" + d.identity(), d);
      }
    }
    BehavioralCohorts behavioral = new BehavioralCohorts(declared);
    for (ReferenceUse use : references) {
      String address = use.target().yamlName() + "/" + use.name();
      Declaration target = declared.get(address);
      checkTarget(use, target, findings);
      if (declarations.getOrDefault(address, 0) > 1) {
        findings.error(
            use.location(),
            use.target().yamlName()
                + " `"
                + use.name()
                + "` is declared by "
                + declarations.get(address)
                + " documents; refer to the one meant by its id instead of its name.");
      }
      if (use.from().kind() == Kind.FEATURE_FLAG
          && target != null
          && use.target() == Kind.COHORT
          && !target.tombstone()
          && behavioral.isBehavioral(target)) {
        findings.error(
            use.location(),
            "Cohort `"
                + use.name()
                + "` has behavioural conditions (itself or"
                + " through the cohorts it includes), which PostHog refuses in flag targeting; target a"
                + " person-property or static cohort instead.");
      }
    }
    checkCycles(references, Kind.COHORT, findings);
    checkCycles(references, Kind.FEATURE_FLAG, findings);
  }

  private static void checkTarget(ReferenceUse use, Declaration target, Findings findings) {
    String what = use.target().yamlName() + " `" + use.name() + "`";
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
              + use.target().yamlName()
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
    new CycleFinder(edges, kind, findings).run();
  }
}
