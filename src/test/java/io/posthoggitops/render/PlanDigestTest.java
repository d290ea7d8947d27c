package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanDigest;
import io.posthoggitops.planfile.PlanFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The digest names exactly a plan's changes, survives the saved file, and every view shows it. */
class PlanDigestTest {

  private static Plan withChange(Plan plan, int index, UnaryOperator<Change> edit) {
    List<Change> changes = new ArrayList<>(plan.changes());
    changes.set(index, edit.apply(changes.get(index)));
    return new Plan(plan.metadata(), changes, plan.unmanaged(), plan.warnings());
  }

  private static Change withRequests(Change c, List<ApiRequest> requests) {
    return new Change(
        c.address(),
        c.liveId(),
        c.action(),
        c.before(),
        c.after(),
        requests,
        c.fingerprint(),
        c.source(),
        c.reason());
  }

  @Test
  void anyEditOfAChangeChangesTheDigestAndNothingElseDoes() {
    Plan plan = SamplePlans.illustrated();
    String digest = PlanDigest.of(plan);

    ObjectNode otherBody = SamplePlans.object("{'deleted':false}");
    Plan otherBodyPlan =
        withChange(
            plan,
            3,
            c -> withRequests(c, List.of(ApiRequest.patch("feature_flags/3117/", otherBody))));
    Plan otherPath =
        withChange(
            plan,
            3,
            c ->
                withRequests(
                    c,
                    List.of(
                        ApiRequest.patch(
                            "feature_flags/3118/", SamplePlans.object("{'deleted':true}")))));
    Plan otherAfter =
        withChange(
            plan,
            0,
            c ->
                new Change(
                    c.address(),
                    c.liveId(),
                    c.action(),
                    c.before(),
                    SamplePlans.object("{'name':'Pilot users','filters':null}"),
                    c.requests(),
                    c.fingerprint(),
                    c.source(),
                    c.reason()));
    Plan fewerWarnings = new Plan(plan.metadata(), plan.changes(), 0, List.of());

    assertThat(digest).matches("sha256:[0-9a-f]{64}");
    assertThat(PlanDigest.of(otherBodyPlan)).isNotEqualTo(digest);
    assertThat(PlanDigest.of(otherPath)).isNotEqualTo(digest);
    assertThat(PlanDigest.of(otherAfter)).isNotEqualTo(digest);
    assertThat(PlanDigest.of(fewerWarnings)).isEqualTo(digest);
    assertThat(PlanDigest.of(SamplePlans.illustrated())).isEqualTo(digest);
  }

  @Test
  void aSavedPlanReadsBackWithTheSameDigestAndRefusesAnEditedOne() {
    Plan plan = SamplePlans.illustrated();
    String file = PlanFiles.write(plan, ChangeDiffs.of(plan));

    assertThat(file).contains("\"digest\" : \"" + PlanDigest.of(plan) + "\"");
    assertThat(PlanDigest.of(PlanFiles.read(file, "plan.json"))).isEqualTo(PlanDigest.of(plan));
    String edited = file.replace("\"feature_flags/3117/\"", "\"feature_flags/3118/\"");
    assertThatThrownBy(() -> PlanFiles.read(edited, "plan.json"))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("plan.json was changed after it was made: its changes digest to")
        .hasMessageContaining("not to the " + PlanDigest.shown(plan) + " recorded in it");
  }

  @Test
  void theTextAndMarkdownViewsShowTheDigestOfAPlanWithChanges() {
    Plan plan = SamplePlans.illustrated();
    String shown = PlanDigest.shown(plan);

    assertThat(PlanTextView.render(plan, ChangeDiffs.of(plan), false))
        .contains("\nDigest: " + shown + "\n");
    assertThat(PlanMarkdownView.render(plan, ChangeDiffs.of(plan)))
        .contains(" · digest `" + shown + "`");
    assertThat(PlanTextView.render(SamplePlans.empty(), List.of(), false)).doesNotContain("Digest");
  }
}
