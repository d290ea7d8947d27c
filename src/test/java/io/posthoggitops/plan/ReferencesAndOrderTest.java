package io.posthoggitops.plan;

import static io.posthoggitops.plan.TestLive.fixture;
import static io.posthoggitops.plan.TestLive.object;
import static io.posthoggitops.plan.TestLive.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.LiveObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** References by name, "known after apply" placeholders, apply order and --target. */
class ReferencesAndOrderTest {

  static String cohort(String name, String referenced) {
    String leaf =
        referenced == null
            ? "{type: person, key: plan, operator: exact, value: [pilot]}"
            : "{type: cohort, key: id, value: {cohort: %s}}".formatted(referenced);
    return """
        kind: Cohort
        name: %s
        filters:
          properties:
            type: OR
            values:
              - %s
        """
        .formatted(name, leaf);
  }

  static String flagOn(String key, String cohortName, String dependsOn) {
    String leaf =
        cohortName != null
            ? "{type: cohort, key: id, operator: in, value: {cohort: %s}}".formatted(cohortName)
            : "{type: flag, key: {flag: %s}, operator: flag_evaluates_to, value: true}"
                .formatted(dependsOn);
    return """
        kind: FeatureFlag
        key: %s
        filters:
          groups:
            - properties:
                - %s
              rollout_percentage: 100
        """
        .formatted(key, leaf);
  }

  static List<Declaration> docs(String... documents) {
    return TestDeclarations.read("pilot.yaml", String.join("---\n", documents));
  }

  @Test
  void aReferenceToALiveCohortIsSentAsItsId() {
    PlanResult result =
        Plans.plan(
            docs(flagOn("pilot-banner", "Beta testers", null)),
            state(object(TestKinds.COHORT, fixture("cohort.retrieve.json"))));
    Change create = result.plan().changes().get(0);
    ObjectNode body =
        Canonical.toApi(
            TestKinds.FEATURE_FLAG,
            (ObjectNode) create.after(),
            ReferenceTable.live(state(object(TestKinds.COHORT, fixture("cohort.retrieve.json")))));
    assertThat(body.at("/filters/groups/0/properties/0/value").asLong()).isEqualTo(1205L);
  }

  @Test
  void aReferenceToAnObjectCreatedInThePlanIsAPendingPlaceholder() {
    List<String> bodies = new java.util.ArrayList<>();
    PlanInput input =
        Plans.input(
            docs(flagOn("pilot-banner", "Pilot users", null), cohort("Pilot users", null)),
            state(),
            List.of(),
            null,
            false,
            List.of(),
            List.of());
    Planner.plan(
        input,
        (kind, action, live, before, after, refs) -> {
          bodies.add(Canonical.toApi(kind, after, refs).toString());
          return List.of();
        });
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1)).contains("\"value\":{\"$ref\":\"Cohort/Pilot users\"}");
  }

  @Test
  void aRawIdInADeclarationComparesEqualToTheNamedLiveCohort() {
    String yaml = flagOn("pilot-banner", "X", null).replace("{cohort: X}", "1205");
    LiveObject flag =
        object(
            TestKinds.FEATURE_FLAG,
            fixture("feature_flag.retrieve.json").put("key", "pilot-banner"));
    PlanResult result =
        Plans.plan(
            docs(yaml), state(object(TestKinds.COHORT, fixture("cohort.retrieve.json")), flag));
    assertThat(result.plan().changes())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.after().at("/filters/groups/0/properties/0/value").toString())
                    .isEqualTo("{\"cohort\":\"Beta testers\"}"));
  }

  @Test
  void aMissingReferenceIsAnErrorAtItsLine() {
    PlanResult result =
        Plans.plan(
            docs(cohort("Beta testers", null), flagOn("pilot-banner", "Pilot userz", null)),
            state());
    assertThat(result.plan()).isNull();
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.format())
                    .startsWith("pilot.yaml:14:")
                    .endsWith(
                        ": FeatureFlag/pilot-banner references Cohort \"Pilot userz\", "
                            + "which is neither declared here nor live in PostHog"));
  }

  @Test
  void aReferenceToATombstonedObjectSaysSo() {
    PlanResult result =
        Plans.plan(
            docs("kind: Cohort\nname: Old\ndeleted: true\n", flagOn("f", "Old", null)),
            state(object(TestKinds.COHORT, fixture("cohort.retrieve.json").put("name", "Old"))));
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("deleted by a tombstone"));
  }

  @Test
  void createsRunByKindWithReferencedObjectsFirst() {
    String action = "kind: Action\nname: Signed up\nsteps: [{event: signup}]\n";
    PlanResult result =
        Plans.plan(
            docs(
                flagOn("a-flag", null, "b-flag"),
                flagOn("b-flag", "Outer", null),
                cohort("Outer", "Inner"),
                cohort("Inner", null),
                action),
            state());
    assertThat(Plans.lines(result))
        .containsExactly(
            "+ Action/Signed up",
            "+ Cohort/Inner",
            "+ Cohort/Outer",
            "+ FeatureFlag/b-flag",
            "+ FeatureFlag/a-flag");
  }

  @Test
  void deletesComeLastInReverseDependencyOrder() {
    ObjectNode inner = fixture("cohort.retrieve.json").put("id", 1).put("name", "Inner");
    ObjectNode outer = fixture("cohort.retrieve.json").put("id", 2).put("name", "Outer");
    ((ObjectNode) outer.at("/filters/properties/values/0/values/0"))
        .removeAll()
        .put("type", "cohort")
        .put("key", "id")
        .put("value", 1);
    ObjectNode flag = fixture("feature_flag.retrieve.json").put("key", "old-flag");
    ((ObjectNode) flag.at("/filters/groups/1/properties/0")).put("value", 2);
    PlanResult result =
        Plans.plan(
            docs(
                "kind: Cohort\nname: Inner\ndeleted: true\n",
                    "kind: Cohort\nname: Outer\ndeleted: true\n",
                "kind: FeatureFlag\nkey: old-flag\ndeleted: true\n", "kind: Action\nname: New\n"),
            state(
                object(TestKinds.COHORT, inner),
                object(TestKinds.COHORT, outer),
                object(TestKinds.FEATURE_FLAG, flag)));
    assertThat(Plans.lines(result))
        .containsExactly(
            "+ Action/New",
            "- FeatureFlag/old-flag (tombstone)",
            "- Cohort/Outer (tombstone)",
            "- Cohort/Inner (tombstone)");
  }

  @Test
  void aTargetLimitsThePlanToItAndWhatItReferences() {
    PlanInput input =
        Plans.input(
            docs(
                flagOn("a-flag", null, "b-flag"),
                flagOn("b-flag", "Outer", null),
                cohort("Outer", "Inner"),
                cohort("Inner", null),
                cohort("Unrelated", null)),
            state(),
            List.of(),
            null,
            false,
            List.of(),
            List.of("FeatureFlag/b-flag"));
    assertThat(Plans.lines(Plans.run(input)))
        .containsExactly("+ Cohort/Inner", "+ Cohort/Outer", "+ FeatureFlag/b-flag");
  }

  @Test
  void anUnknownTargetIsAnError() {
    PlanInput input =
        Plans.input(
            docs(cohort("Inner", null)),
            state(),
            List.of(),
            null,
            false,
            List.of(),
            List.of("Cohort/Innr"));
    PlanResult result = Plans.run(input);

    assertThat(result.plan()).isNull();
    assertThat(result.diagnostics())
        .extracting(Diagnostic::format)
        .containsExactly(
            "error: --target Cohort/Innr names no declared or live resource; check the spelling"
                + " (flag keys are case-sensitive) or run without --target");
  }
}
