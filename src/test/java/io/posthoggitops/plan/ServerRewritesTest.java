package io.posthoggitops.plan;

import static io.posthoggitops.plan.TestLive.fixture;
import static io.posthoggitops.plan.TestLive.object;
import static io.posthoggitops.plan.TestLive.results;
import static io.posthoggitops.plan.TestLive.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import org.junit.jupiter.api.Test;

/**
 * Each server-side rewrite of the API contract: the live object as PostHog returns it against the
 * declaration that produced it plans no change (and a real difference still does).
 */
class ServerRewritesTest {
  static final String CHECKOUT_FLAG =
      """
      kind: FeatureFlag
      key: new-checkout-flow
      name: New checkout flow (multivariate, internal users + 50% of beta cohort)
      filters:
        groups:
          - properties:
              - {key: email, type: person, value: "@example.com", operator: icontains}
            rollout_percentage: 100
          - properties:
              - {type: cohort, key: id, operator: in, value: {cohort: Beta testers}}
            rollout_percentage: 50
        multivariate:
          variants:
            - {key: control, name: Current checkout, rollout_percentage: 50}
            - {key: test, name: One-page checkout, rollout_percentage: 50}
        payloads:
          test: {button_color: green}
      tags: [" Checkout", checkout]
      """;

  static LiveObject betaCohort() {
    return object(TestKinds.COHORT, fixture("cohort.retrieve.json"));
  }

  private static PlanResult plan(String yaml, LiveState live) {
    return Plans.plan(TestDeclarations.read("test.yaml", yaml), live);
  }

  private static void assertNoChanges(String yaml, LiveState live) {
    PlanResult result = plan(yaml, live);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.plan().changes()).as("changes").isEmpty();
  }

  @Test
  void newerFlagWithGroupAggregationCohortNameAndPayloadStringsMatchesItsDeclaration() {
    assertNoChanges(
        CHECKOUT_FLAG,
        state(object(TestKinds.FEATURE_FLAG, fixture("feature_flag.retrieve.json")), betaCohort()));
  }

  @Test
  void olderFlagShapeWithoutArchivedAndEvaluationContextsMatchesItsDeclaration() {
    String yaml =
        """
        kind: FeatureFlag
        key: pdf-export-enabled
        name: Kill switch for PDF export
        evaluation_runtime: server
        filters:
          groups:
            - rollout_percentage: 100
        """;
    assertNoChanges(
        yaml,
        state(object(TestKinds.FEATURE_FLAG, fixture("feature_flag.retrieve.older-shape.json"))));
  }

  @Test
  void rolloutReturnedAsFloatEqualsTheDeclaredInteger() {
    ObjectNode raw = fixture("feature_flag.retrieve.json");
    ((ObjectNode) raw.at("/filters/groups/1")).put("rollout_percentage", 50.0);
    ((ObjectNode) raw.at("/filters/multivariate/variants/0")).put("rollout_percentage", 50.0);
    assertNoChanges(CHECKOUT_FLAG, state(object(TestKinds.FEATURE_FLAG, raw), betaCohort()));
  }

  @Test
  void aRealRolloutDifferenceStillShowsAsAnUpdate() {
    ObjectNode raw = fixture("feature_flag.retrieve.json");
    ((ObjectNode) raw.at("/filters/groups/1")).put("rollout_percentage", 40);
    PlanResult result =
        plan(CHECKOUT_FLAG, state(object(TestKinds.FEATURE_FLAG, raw), betaCohort()));
    assertThat(Plans.lines(result)).containsExactly("~ FeatureFlag/new-checkout-flow");
    Change change = result.plan().changes().get(0);
    assertThat(change.before().at("/filters/groups/1/rollout_percentage").asInt()).isEqualTo(40);
    assertThat(change.after().at("/filters/groups/1/rollout_percentage").asInt()).isEqualTo(50);
  }

  @Test
  void flagDependencyKeyReturnedAsIdStringMatchesTheFlagKeyReference() {
    ObjectNode dependent =
        (ObjectNode)
            TestLive.JSON.valueToTree(
                java.util.Map.of(
                    "id",
                    4900,
                    "key",
                    "pdf-beta",
                    "name",
                    "",
                    "active",
                    true,
                    "filters",
                    java.util.Map.of(
                        "groups",
                        java.util.List.of(
                            java.util.Map.of(
                                "properties",
                                java.util.List.of(
                                    java.util.Map.of(
                                        "key",
                                        "4790",
                                        "type",
                                        "flag",
                                        "value",
                                        true,
                                        "operator",
                                        "flag_evaluates_to")),
                                "rollout_percentage",
                                100)))));
    String yaml =
        """
        kind: FeatureFlag
        key: pdf-beta
        filters:
          groups:
            - properties:
                - {type: flag, key: {flag: pdf-export-enabled}, value: true}
              rollout_percentage: 100
        """;
    assertNoChanges(
        yaml,
        state(
            object(TestKinds.FEATURE_FLAG, dependent),
            object(TestKinds.FEATURE_FLAG, fixture("feature_flag.retrieve.older-shape.json"))));
  }

  @Test
  void foreignFilterKeysAreIgnoredUnlessDeclared() {
    ObjectNode raw = fixture("feature_flag.retrieve.json");
    ((ObjectNode) raw.get("filters")).putArray("super_groups");
    ((ObjectNode) raw.get("filters"))
        .putObject("holdout")
        .put("id", 3)
        .put("exclusion_percentage", 10);
    assertNoChanges(CHECKOUT_FLAG, state(object(TestKinds.FEATURE_FLAG, raw), betaCohort()));
  }

  @Test
  void cohortWithBytecodeNegationAndLegacyGroupsMatchesItsDeclaration() {
    String yaml =
        """
        kind: Cohort
        name: Beta testers
        description: Users who opted into the beta programme
        filters:
          properties:
            type: OR
            values:
              - type: AND
                values:
                  - {type: person, key: beta_opt_in, value: ["true"]}
        """;
    ObjectNode raw = fixture("cohort.retrieve.json");
    raw.putArray("groups").addObject().put("properties", "legacy");
    ((ObjectNode) raw.at("/filters/properties/values/0/values/0")).put("bytecode_error", "x");
    assertNoChanges(yaml, state(object(TestKinds.COHORT, raw)));
  }

  static final String SIGNUP_ACTION =
      """
      kind: Action
      name: User signed up
      description: Either the signup button click or the server-side signup event
      tags: [growth]
      steps:
        - {event: $autocapture, selector: div > button.signup, text: Sign up, text_matching: exact, url: /signup}
        - event: user_signed_up
          properties:
            - {key: plan, value: [free, pro], operator: exact, type: event}
      """;

  @Test
  void actionStepsExpandedToTheFullKeySetMatchTheDeclaration() {
    assertNoChanges(
        SIGNUP_ACTION, state(object(TestKinds.ACTION, fixture("action.retrieve.json"))));
  }

  @Test
  void olderActionListShapeMatchesTooAndPinnedAtComparesAsPinned() {
    String pricing =
        """
        kind: Action
        name: Viewed pricing page
        pinned: true
        steps:
          - {event: $pageview, url: /pricing}
        """;
    LiveObject[] actions =
        results("action.list.older-shape.json").stream()
            .map(raw -> object(TestKinds.ACTION, raw))
            .toArray(LiveObject[]::new);
    assertNoChanges(SIGNUP_ACTION + "---\n" + pricing, state(actions));
  }

  @Test
  void runningExperimentWithMetricUuidsSplitPercentAndDefaultsMatchesItsDeclaration() {
    String yaml =
        """
        kind: Experiment
        name: Checkout button color
        feature_flag_key: checkout-button-color
        description: A green primary button increases checkout completion.
        status: running
        parameters:
          feature_flag_variants:
            - {key: control, name: Control Group, rollout_percentage: 50}
            - {key: test, name: Test Variant, rollout_percentage: 50}
          minimum_detectable_effect: 30
        metrics:
          - kind: ExperimentMetric
            metric_type: funnel
            name: Checkout completion
            series: [{kind: EventsNode, event: checkout_completed}]
        """;
    assertNoChanges(yaml, state(object(TestKinds.EXPERIMENT, fixture("experiment.retrieve.json"))));
  }

  @Test
  void teamStatsDefaultsAndFlagProjectionsInParametersAreNotCompared() {
    ObjectNode raw = results("experiment.list.json").get(0);
    raw.putObject("stats_config")
        .put("method", "bayesian")
        .putObject("bayesian")
        .put("ci_level", 0.95);
    ((ObjectNode) raw.get("parameters"))
        .put("rollout_percentage", 100)
        .put("ensure_experience_continuity", false)
        .putNull("aggregation_group_type_index");
    String yaml =
        "kind: Experiment\nname: Onboarding checklist\nfeature_flag_key: onboarding-checklist\n";
    assertNoChanges(yaml, state(object(TestKinds.EXPERIMENT, raw)));
  }

  @Test
  void aDeclaredStatsMethodThatDiffersIsStillAnUpdate() {
    String yaml =
        "kind: Experiment\nname: Onboarding checklist\nfeature_flag_key: onboarding-checklist\n"
            + "stats_config: {method: frequentist}\n";
    PlanResult result =
        plan(yaml, state(object(TestKinds.EXPERIMENT, results("experiment.list.json").get(0))));
    assertThat(Plans.lines(result)).containsExactly("~ Experiment/onboarding-checklist");
  }

  @Test
  void operatorAliasesAndNumericPropertyKeysAreRewrittenLikePostHogDoes() {
    String yaml =
        """
        kind: FeatureFlag
        key: big-accounts
        filters:
          groups:
            - properties:
                - {type: person, key: 42, operator: min, value: "10"}
        """;
    ObjectNode raw =
        (ObjectNode)
            TestLive.JSON.valueToTree(
                java.util.Map.of(
                    "id",
                    1,
                    "key",
                    "big-accounts",
                    "filters",
                    java.util.Map.of(
                        "groups",
                        java.util.List.of(
                            java.util.Map.of(
                                "properties",
                                java.util.List.of(
                                    java.util.Map.of(
                                        "key",
                                        "42",
                                        "type",
                                        "person",
                                        "operator",
                                        "gte",
                                        "value",
                                        "10")))))));
    assertNoChanges(yaml, state(object(TestKinds.FEATURE_FLAG, raw)));
  }

  @Test
  void remoteConfigFlagsGetTheGroupPostHogAdds() {
    String yaml =
        """
        kind: FeatureFlag
        key: site-config
        is_remote_configuration: true
        filters:
          groups: []
          payloads:
            "true": {theme: dark}
        """;
    ObjectNode raw =
        (ObjectNode)
            TestLive.JSON.valueToTree(
                java.util.Map.of(
                    "id",
                    1,
                    "key",
                    "site-config",
                    "is_remote_configuration",
                    true,
                    "filters",
                    java.util.Map.of(
                        "groups",
                            java.util.List.of(
                                java.util.Map.of(
                                    "properties", java.util.List.of(), "rollout_percentage", 100)),
                        "payloads", java.util.Map.of("true", "{\"theme\": \"dark\"}"))));
    assertNoChanges(yaml, state(object(TestKinds.FEATURE_FLAG, raw)));
  }

  @Test
  void aCapitalisedControlVariantMatchesTheLowerCaseKeyPostHogStores() {
    String yaml =
        """
        kind: Experiment
        name: Onboarding checklist
        feature_flag_key: onboarding-checklist
        parameters:
          feature_flag_variants:
            - {key: Control, name: Control Group, rollout_percentage: 50}
            - {key: test, name: Test Variant, rollout_percentage: 50}
        """;
    assertNoChanges(
        yaml, state(object(TestKinds.EXPERIMENT, results("experiment.list.json").get(0))));
  }

  @Test
  void draftExperimentWithoutParametersMatchesPostHogsDefaultVariants() {
    String yaml =
        """
        kind: Experiment
        name: Onboarding checklist
        feature_flag_key: onboarding-checklist
        """;
    assertNoChanges(
        yaml, state(object(TestKinds.EXPERIMENT, results("experiment.list.json").get(0))));
  }

  static final String CHECKOUT_DASHBOARD =
      """
      kind: Dashboard
      name: Checkout
      description: Conversion and volume for the checkout funnel
      pinned: true
      tags: [checkout]
      filters: {date_from: -30d}
      tiles:
        - insight:
            name: Daily checkouts
            query:
              kind: InsightVizNode
              source:
                kind: TrendsQuery
                series: [{kind: EventsNode, event: checkout_completed, math: total}]
                interval: day
                dateRange: {date_from: -30d}
                trendsFilter: {display: ActionsLineGraph}
        - text: "## Checkout health\\nConversion and volume."
          layouts:
            sm: {x: 0, y: 0, w: 12, h: 1}
      """;

  @Test
  void dashboardTilesCompareInlineWithLayoutsOnlyWhereDeclared() {
    assertNoChanges(
        CHECKOUT_DASHBOARD, state(object(TestKinds.DASHBOARD, fixture("dashboard.retrieve.json"))));
  }

  @Test
  void keysPostHogAddsToAnInsightQueryOnReadAreNotCompared() {
    ObjectNode raw = fixture("dashboard.retrieve.json");
    ((ObjectNode) raw.at("/tiles/1/insight/query/source")).put("version", 2);
    assertNoChanges(CHECKOUT_DASHBOARD, state(object(TestKinds.DASHBOARD, raw)));
  }

  @Test
  void aChangedInsightQueryIsAnUpdate() {
    ObjectNode raw = fixture("dashboard.retrieve.json");
    ((ObjectNode) raw.at("/tiles/1/insight/query/source")).put("interval", "week");
    assertThat(Plans.lines(plan(CHECKOUT_DASHBOARD, state(object(TestKinds.DASHBOARD, raw)))))
        .containsExactly("~ Dashboard/Checkout");
  }

  @Test
  void aMovedDeclaredLayoutIsAnUpdate() {
    ObjectNode raw = fixture("dashboard.retrieve.json");
    ((ObjectNode) raw.at("/tiles/0/layouts/sm")).put("w", 6);
    PlanResult result = plan(CHECKOUT_DASHBOARD, state(object(TestKinds.DASHBOARD, raw)));
    assertThat(Plans.lines(result)).containsExactly("~ Dashboard/Checkout");
  }
}
