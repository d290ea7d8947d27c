package io.posthoggitops.plan;

import static io.posthoggitops.plan.TestLive.fixture;
import static io.posthoggitops.plan.TestLive.object;
import static io.posthoggitops.plan.TestLive.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.render.PlanSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner's decisions: create, update, no-op, delete, and what it refuses. */
class PlannerTest {

  static List<Declaration> yaml(String text) {
    return TestDeclarations.read("flags.yaml", text);
  }

  static LiveObject flag(long id, String key, int rollout) {
    ObjectNode raw =
        TestLive.JSON
            .createObjectNode()
            .put("id", id)
            .put("key", key)
            .put("name", "")
            .put("active", true);
    raw.putObject("filters")
        .putArray("groups")
        .addObject()
        .put("rollout_percentage", rollout)
        .putArray("properties");
    return object(TestKinds.FEATURE_FLAG, raw);
  }

  static String flagYaml(String key, int rollout) {
    return """
        kind: FeatureFlag
        key: %s
        filters:
          groups:
            - rollout_percentage: %d
        """
        .formatted(key, rollout);
  }

  @Test
  void aFlagMissingLiveIsCreatedWithItsDefaultsFilledIn() {
    PlanResult result = Plans.plan(yaml(flagYaml("new-banner", 20)), state());
    assertThat(Plans.lines(result)).containsExactly("+ FeatureFlag/new-banner");
    Change create = result.plan().changes().get(0);
    assertThat(create.before()).isNull();
    assertThat(create.fingerprint()).isNull();
    assertThat(create.after().path("active").asBoolean()).isTrue();
    assertThat(create.after().path("evaluation_runtime").asText()).isEqualTo("all");
    assertThat(create.source().toString()).isEqualTo("flags.yaml:1:1");
  }

  @Test
  void aFlagThatDiffersIsUpdatedWithItsLiveIdAndFingerprint() {
    PlanResult result = Plans.plan(yaml(flagYaml("banner", 20)), state(flag(7, "banner", 10)));
    Change update = result.plan().changes().get(0);
    assertThat(update.action()).isEqualTo(ChangeAction.UPDATE);
    assertThat(update.liveId()).isEqualTo(LiveId.of(7));
    assertThat(update.fingerprint())
        .matches("[0-9a-f]{64}")
        .isEqualTo(Fingerprint.of(update.before()));
    assertThat(update.fingerprint()).isNotEqualTo(Fingerprint.of(update.after()));
  }

  @Test
  void aFlagThatMatchesPlansNothingAndSaysSo() {
    PlanResult result = Plans.plan(yaml(flagYaml("banner", 10)), state(flag(7, "banner", 10)));
    assertThat(result.plan().hasChanges()).isFalse();
    assertThat(PlanSummary.line(result.plan()))
        .isEqualTo("No changes. PostHog matches the declared state.");
  }

  @Test
  void flagKeysMatchCaseSensitively() {
    PlanResult result = Plans.plan(yaml(flagYaml("Banner", 10)), state(flag(7, "banner", 10)));
    assertThat(Plans.lines(result)).containsExactly("+ FeatureFlag/Banner");
    assertThat(result.plan().unmanaged()).isEqualTo(1);
  }

  @Test
  void ignoreChangesFieldsAreNotComparedButAreSentOnCreate() {
    String text = flagYaml("banner", 10) + "active: false\nignore_changes: [active]\n";
    assertThat(Plans.plan(yaml(text), state(flag(7, "banner", 10))).plan().changes()).isEmpty();
    Change create = Plans.plan(yaml(text), state()).plan().changes().get(0);
    assertThat(create.after().path("active").asBoolean(true)).isFalse();
  }

  @Test
  void aTombstoneDeletesTheLiveObjectAndNamesItsReason() {
    PlanResult result =
        Plans.plan(
            yaml("kind: FeatureFlag\nkey: banner\ndeleted: true\n"), state(flag(7, "banner", 10)));
    assertThat(Plans.lines(result)).containsExactly("- FeatureFlag/banner (tombstone)");
    assertThat(result.plan().changes().get(0).after()).isNull();
    assertThat(result.plan().unmanaged()).isZero();
  }

  @Test
  void aTombstoneForSomethingAlreadyGonePlansNothing() {
    PlanResult result =
        Plans.plan(yaml("kind: FeatureFlag\nkey: banner\ndeleted: true\n"), state());
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.plan().changes()).isEmpty();
  }

  @Test
  void aDocumentRemovedSinceTheBaseRefIsDeletedWhenStillLive() {
    List<Declaration> removed =
        TestDeclarations.read(
            "flags/old.yaml", flagYaml("old-banner", 10) + "---\n" + flagYaml("never-created", 5));
    PlanInput input =
        Plans.input(
            List.of(),
            state(flag(3117, "old-banner", 10)),
            removed,
            "origin/main",
            false,
            List.of(),
            List.of());
    assertThat(Plans.lines(Plans.run(input)))
        .containsExactly("- FeatureFlag/old-banner (removed since origin/main (flags/old.yaml))");
  }

  @Test
  void pruneDeletesUndeclaredObjectsOfDeclaredKindsExceptIgnoredOnes() {
    LiveState live =
        state(
            flag(1, "kept", 10),
            flag(2, "legacy-a", 10),
            flag(3, "tmp-x", 10),
            object(TestKinds.COHORT, fixture("cohort.retrieve.json")));
    PlanInput input =
        Plans.input(
            yaml(flagYaml("kept", 10)),
            live,
            List.of(),
            null,
            true,
            List.of("FeatureFlag/tmp-*"),
            List.of());
    PlanResult result = Plans.run(input);
    assertThat(Plans.lines(result)).containsExactly("- FeatureFlag/legacy-a (--prune)");
    assertThat(result.plan().unmanaged()).as("tmp-x and the cohort are left alone").isEqualTo(2);
  }

  @Test
  void experimentFlagsAreNeitherUnmanagedNorPruned() {
    LiveObject experiment = object(TestKinds.EXPERIMENT, fixture("experiment.retrieve.json"));
    LiveObject ownFlag = flag(4822, "checkout-button-color", 100);
    LiveObject linked = flag(5000, "linked-elsewhere", 100);
    linked.raw().putArray("experiment_set").add(99);
    PlanInput input =
        Plans.input(
            yaml(flagYaml("kept", 10)),
            state(experiment, ownFlag, linked, flag(1, "kept", 10)),
            List.of(),
            null,
            true,
            List.of(),
            List.of());
    PlanResult result = Plans.run(input);
    assertThat(result.plan().changes()).isEmpty();
    assertThat(result.plan().unmanaged()).as("only the experiment").isEqualTo(1);
  }

  @Test
  void deletingAnExperimentAlsoDeletesItsFlag() {
    LiveObject experiment = object(TestKinds.EXPERIMENT, fixture("experiment.retrieve.json"));
    String tombstone = "kind: Experiment\nfeature_flag_key: checkout-button-color\ndeleted: true\n";
    PlanResult result =
        Plans.plan(yaml(tombstone), state(experiment, flag(4822, "checkout-button-color", 100)));
    assertThat(Plans.lines(result))
        .containsExactly(
            "- Experiment/checkout-button-color (tombstone)",
            "- FeatureFlag/checkout-button-color (tombstone)");
  }

  @Test
  void aFeatureFlagDocumentForAnExperimentsFlagIsAnError() {
    LiveObject experiment = object(TestKinds.EXPERIMENT, fixture("experiment.retrieve.json"));
    PlanResult result =
        Plans.plan(
            yaml(flagYaml("checkout-button-color", 100)),
            state(experiment, flag(4822, "checkout-button-color", 100)));
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.diagnostics().get(0).format()).contains("is the flag of an experiment");
  }

  @Test
  void aFeatureFlagDocumentWithTheKeyOfADeclaredExperimentIsAnError() {
    String text =
        flagYaml("new-test", 100)
            + "---\nkind: Experiment\nname: New test\nfeature_flag_key: new-test\n";
    PlanResult result = Plans.plan(yaml(text), state());
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.format())
                    .startsWith(
                        "flags.yaml:1:1: FeatureFlag/new-test is the flag of an experiment"));
  }

  @Test
  void aDraftExperimentMayBeLaunchedByDeclaringItRunning() {
    String text =
        "kind: Experiment\nname: Onboarding checklist\nfeature_flag_key: onboarding-checklist\nstatus: running\n";
    LiveObject draft =
        object(TestKinds.EXPERIMENT, TestLive.results("experiment.list.json").get(0));
    PlanResult result = Plans.plan(yaml(text), state(draft));
    assertThat(result.diagnostics()).isEmpty();
    Change launch = result.plan().changes().get(0);
    assertThat(launch.before().path("status").asText()).isEqualTo("draft");
    assertThat(launch.after().path("status").asText()).isEqualTo("running");
  }

  @Test
  void aStoppedExperimentCannotRunAgain() {
    String text =
        "kind: Experiment\nname: Checkout button color\nfeature_flag_key: checkout-button-color\nstatus: running\n";
    ObjectNode stopped =
        fixture("experiment.retrieve.json").put("end_date", "2025-06-01T00:00:00Z");
    PlanResult result = Plans.plan(yaml(text), state(object(TestKinds.EXPERIMENT, stopped)));
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .contains("stopped in PostHog and cannot move back to running"));
  }

  @Test
  void anActionStepChangedInTheUiIsAnUpdate() {
    ObjectNode raw = fixture("action.retrieve.json");
    ((ObjectNode) raw.at("/steps/0")).put("url", "/register");
    PlanResult result =
        Plans.plan(yaml(ServerRewritesTest.SIGNUP_ACTION), state(object(TestKinds.ACTION, raw)));
    assertThat(result.plan().changes())
        .singleElement()
        .satisfies(c -> assertThat(c.before().at("/steps/0/url").asText()).isEqualTo("/register"));
  }

  /** Two live cohorts named "Beta testers", ids 1205 and 1300. */
  static LiveState twinCohorts() {
    return state(
        object(TestKinds.COHORT, fixture("cohort.retrieve.json")),
        object(TestKinds.COHORT, fixture("cohort.retrieve.json").put("id", 1300)));
  }

  @Test
  void twoLiveObjectsWithTheDeclaredNameAreAnErrorNamingBothIds() {
    PlanResult result = Plans.plan(yaml("kind: Cohort\nname: Beta testers\n"), twinCohorts());
    assertThat(result.plan()).isNull();
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.format())
                    .startsWith("flags.yaml:1:1: ")
                    .contains("1205 and 1300")
                    .contains("id:"));
  }

  @Test
  void anIdPinChoosesBetweenLiveObjectsAndRenames() {
    PlanResult result =
        Plans.plan(yaml("kind: Cohort\nid: 1300\nname: Beta users\n"), twinCohorts());
    Change rename = result.plan().changes().get(0);
    assertThat(rename.liveId()).isEqualTo(LiveId.of(1300));
    assertThat(rename.after().path("name").asText()).isEqualTo("Beta users");
    assertThat(result.plan().unmanaged()).isEqualTo(1);
  }

  @Test
  void aPinToAnIdThatIsNotLiveIsAnError() {
    PlanResult result = Plans.plan(yaml("kind: Cohort\nid: 999\nname: Beta users\n"), state());
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.format()).contains("id: 999").contains("no live Cohort"));
  }

  @Test
  void tagsWithoutTaggingAreNotComparedAndWarnOncePerRun() {
    LiveObject action =
        object(TestKinds.ACTION, fixture("action.retrieve.json").put("tags", (String) null));
    action.raw().putArray("tags");
    String text =
        ServerRewritesTest.SIGNUP_ACTION + "---\n" + flagYaml("banner", 10) + "tags: [web]\n";
    PlanResult result = Plans.plan(yaml(text), state(Set.of(), action, flag(7, "banner", 10)));
    assertThat(result.plan().changes()).isEmpty();
    assertThat(result.plan().warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .contains("Action/User signed up, FeatureFlag/banner")
                    .contains("tagging"));
  }

  @Test
  void tagsWithTaggingAreComparedAsSets() {
    PlanResult result =
        Plans.plan(yaml(flagYaml("banner", 10) + "tags: [web]\n"), state(flag(7, "banner", 10)));
    assertThat(result.plan().changes().get(0).after().path("tags").toString())
        .isEqualTo("[\"web\"]");
    assertThat(result.plan().warnings()).isEmpty();
  }

  @Test
  void movingARunningExperimentBackToDraftIsAnErrorAtItsStatus() {
    String text =
        """
        kind: Experiment
        name: Checkout button color
        feature_flag_key: checkout-button-color
        status: draft
        """;
    PlanResult result =
        Plans.plan(
            yaml(text), state(object(TestKinds.EXPERIMENT, fixture("experiment.retrieve.json"))));
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.format())
                    .startsWith("flags.yaml:4:1: ")
                    .contains("running")
                    .contains("cannot move back to draft"));
  }

  @Test
  void theFingerprintIgnoresVersionUpdatedAtStatusAndCohortRecalculation() {
    ObjectNode raw = fixture("cohort.retrieve.json");
    ReferenceTable refs = ReferenceTable.live(state());
    String before = Fingerprint.of(Canonical.fromLive(object(TestKinds.COHORT, raw), refs));
    raw.put("version", 9)
        .put("count", 5)
        .put("updated_at", "2026-01-01T00:00:00Z")
        .put("is_calculating", true);
    raw.put("cohort_type", (String) null);
    assertThat(Fingerprint.of(Canonical.fromLive(object(TestKinds.COHORT, raw), refs)))
        .isEqualTo(before);
    raw.put("description", "edited in the UI");
    assertThat(Fingerprint.of(Canonical.fromLive(object(TestKinds.COHORT, raw), refs)))
        .isNotEqualTo(before);
  }

  @Test
  void recomputingTheFingerprintOfAnUnchangedObjectGivesThePlannedOne() {
    PlanResult result = Plans.plan(yaml(flagYaml("banner", 20)), state(flag(7, "banner", 10)));
    Change update = result.plan().changes().get(0);
    LiveObject fresh = flag(7, "banner", 10);
    fresh.raw().put("version", 12).put("status", "STALE").putArray("super_groups");
    assertThat(Fingerprint.recompute(fresh, ReferenceTable.live(state(fresh)), update.before()))
        .isEqualTo(update.fingerprint());
  }

  @Test
  void requestsOfEachChangeComeFromTheRequestSource() {
    List<String> asked = new ArrayList<>();
    PlanInput input =
        Plans.input(
            yaml(flagYaml("banner", 20)), state(), List.of(), null, false, List.of(), List.of());
    PlanResult result =
        Planner.plan(
            input,
            (kind, action, live, before, after, refs) -> {
              asked.add(kind.name() + " " + action.word());
              return List.of(ApiRequest.post("feature_flags/", Canonical.toApi(kind, after, refs)));
            });
    assertThat(asked).containsExactly("FeatureFlag create");
    assertThat(result.plan().changes().get(0).requests())
        .singleElement()
        .satisfies(r -> assertThat(r.body().path("key").asText()).isEqualTo("banner"));
  }
}
