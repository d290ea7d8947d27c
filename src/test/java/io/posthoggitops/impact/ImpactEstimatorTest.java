package io.posthoggitops.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.AdvisoryApi;
import io.posthoggitops.live.ApiException;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The estimator against an advisory API that answers as each test says, and records requests. */
class ImpactEstimatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Kind FLAG = Kinds.named("FeatureFlag").orElseThrow();
  private static final Kind COHORT = Kinds.named("Cohort").orElseThrow();
  private static final PlanMetadata METADATA =
      new PlanMetadata(1, "test", "https://api.example.test", 4242, "Acme Web", null, false, null);

  private final List<String> sent = new ArrayList<>();

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static ObjectNode flag(String key, String properties, int rollout) {
    return json(
        "{'key': '"
            + key
            + "', 'active': true, 'filters': {'groups': [{'properties': "
            + properties
            + ", 'rollout_percentage': "
            + rollout
            + "}]}}");
  }

  private static Change update(long id, ObjectNode before, ObjectNode after) {
    ObjectNode patch = json("{}");
    patch.set("filters", after.get("filters").deepCopy());
    return new Change(
        new Address(FLAG, after.get("key").asText()),
        new LiveId(String.valueOf(id)),
        ChangeAction.UPDATE,
        before,
        after,
        List.of(ApiRequest.patch("feature_flags/" + id + "/", patch)),
        "fingerprint",
        null,
        null);
  }

  private static LiveState live(Map<Long, ObjectNode> flags) {
    List<LiveObject> objects = new ArrayList<>();
    flags.forEach(
        (id, raw) -> {
          ObjectNode copy = raw.deepCopy().put("id", id);
          objects.add(
              new LiveObject(FLAG, new LiveId(id.toString()), copy.get("key").asText(), copy));
        });
    return new LiveState(
        "https://api.example.test", 4242, "Acme Web", Set.of(), Map.of(FLAG, objects));
  }

  private static Plan plan(Change... changes) {
    return new Plan(METADATA, List.of(changes), 0, List.of());
  }

  /** Answers the query with {@code rows}, and each estimate as {@code answers} says. */
  private AdvisoryApi api(String rows, Map<String, Object> answers) {
    return (path, body) -> {
      sent.add(path + " " + body);
      if (path.equals("query/")) {
        return json("{'columns': ['key', 'calls', 'persons'], 'results': " + rows + "}");
      }
      for (Map.Entry<String, Object> answer : answers.entrySet()) {
        if (body.toString().contains(answer.getKey())) {
          if (answer.getValue() instanceof ApiException e) {
            throw e;
          }
          return json((String) answer.getValue());
        }
      }
      throw new ApiException(404, "Not found.", null, "POST " + path + " failed with 404");
    };
  }

  @Test
  void aPlanWithoutFlagChangesSendsNothing() {
    Change cohort =
        new Change(
            new Address(COHORT, "Beta testers"),
            null,
            ChangeAction.CREATE,
            null,
            json("{'name': 'Beta testers'}"),
            List.of(),
            null,
            null,
            null);

    ImpactEstimator.Result result =
        ImpactEstimator.estimate(plan(cohort), live(Map.of()), api("[]", Map.of()));

    assertThat(result.impact().isEmpty()).isTrue();
    assertThat(result.warning()).isEmpty();
    assertThat(sent).isEmpty();
  }

  @Test
  void aConditionPostHogCannotEvaluateIsNotEstimatedAndTheRestIsShown() {
    ObjectNode before =
        flag("search-v2", "[{'type': 'person', 'key': 'email', 'value': '(['}]", 10);
    ObjectNode after = flag("search-v2", "[{'type': 'person', 'key': 'email', 'value': '(['}]", 50);
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("email", new ApiException(400, "Invalid regex", "filters", "POST failed with 400"));

    ImpactEstimator.Result result =
        ImpactEstimator.estimate(
            plan(update(7, before, after)),
            live(Map.of(7L, before)),
            api("[['search-v2', 300, 120]]", answers));

    ChangeImpact impact = result.impact().of(new Address(FLAG, "search-v2")).orElseThrow();
    assertThat(result.warning()).isEmpty();
    assertThat(impact.calls()).isEqualTo(new Calls(300, 120));
    assertThat(impact.conditions().get(0).notEstimated())
        .isEqualTo("PostHog could not estimate it: Invalid regex");
  }

  @Test
  void theSamePropertiesAreEstimatedOnceForBothSidesAndForEveryFlag() {
    String beta = "[{'type': 'cohort', 'key': 'id', 'value': 1205}]";
    ObjectNode a = flag("a", beta, 10);
    ObjectNode b = flag("b", beta, 20);

    ImpactEstimator.Result result =
        ImpactEstimator.estimate(
            plan(update(1, a, flag("a", beta, 30)), update(2, b, flag("b", beta, 40))),
            live(Map.of(1L, a, 2L, b)),
            api("[]", Map.of("1205", "{'affected': 1000, 'total': 5000}")));

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).startsWith("query/ ");
    assertThat(result.impact().of(new Address(FLAG, "b")).orElseThrow().difference())
        .isEqualTo(200);
  }

  @Test
  void aRenamedFlagsCallsAreCountedUnderItsLiveKey() {
    ObjectNode before = flag("old-name", "[]", 100);
    ObjectNode after = flag("new-name", "[]", 100);

    ImpactEstimator.estimate(
        plan(update(3, before, after)), live(Map.of(3L, before)), api("[]", Map.of()));

    assertThat(sent.get(0)).contains("IN ('old-name')").doesNotContain("new-name");
  }

  @Test
  void anAnswerWithoutCountsEndsImpactWithOneWarning() {
    ObjectNode before = flag("a", "[{'type': 'person', 'key': 'plan', 'value': 'pro'}]", 10);
    ObjectNode after = flag("a", "[{'type': 'person', 'key': 'plan', 'value': 'team'}]", 10);

    ImpactEstimator.Result result =
        ImpactEstimator.estimate(
            plan(update(1, before, after)),
            live(Map.of(1L, before)),
            api("[]", Map.of("plan", "{'detail': 'ok'}")));

    assertThat(result.impact().isEmpty()).isTrue();
    assertThat(result.warning())
        .contains(
            "impact not shown: PostHog answered POST feature_flags/user_blast_radius/ without the"
                + " affected and total counts; run again later. The plan is shown without it.");
  }

  @Test
  void estimatesStopBeingStartedOnceImpactHasTakenItsBudget() {
    long[] now = {0};
    List<Change> changes = new ArrayList<>();
    Map<Long, ObjectNode> flags = new LinkedHashMap<>();
    for (int i = 1; i <= 10; i++) {
      ObjectNode before =
          flag("f" + i, "[{'type': 'person', 'key': 'plan', 'value': 'p" + i + "'}]", 10);
      ObjectNode after =
          flag("f" + i, "[{'type': 'person', 'key': 'plan', 'value': 'q" + i + "'}]", 10);
      flags.put((long) i, before);
      changes.add(update(i, before, after));
    }
    AdvisoryApi slow =
        (path, body) -> {
          sent.add(path);
          now[0] += ImpactEstimator.BUDGET.toNanos() / 4;
          return path.equals("query/")
              ? json("{'columns': ['key', 'calls', 'persons'], 'results': []}")
              : json("{'affected': 10, 'total': 100}");
        };

    ImpactEstimator.Result result =
        ImpactEstimator.estimate(
            plan(changes.toArray(Change[]::new)), live(flags), slow, () -> now[0]);

    assertThat(sent).hasSize(4);
    assertThat(result.warning()).isEmpty();
    assertThat(
            result
                .impact()
                .of(new Address(FLAG, "f10"))
                .orElseThrow()
                .conditions()
                .get(0)
                .notEstimated())
        .isEqualTo("impact had taken its 60 s before this estimate");
  }
}
