package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.PendingApproval.Verdict;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanMetadata;
import io.posthoggitops.planfile.PlanFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the views show resources whose writes wait on PostHog's approvals. */
class ApprovalViewsTest {

  private static final String ID = "3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88";

  private static ChangeRequest request() {
    ObjectNode raw =
        SamplePlans.object(
            "{'id':'"
                + ID
                + "','resource_type':'feature_flag','resource_id':'4821','action_key':"
                + "'feature_flag.update','state':'pending','can_cancel':false,"
                + "'approvals':[{'decision':'approved'}],"
                + "'policy_snapshot':{'quorum':2,'users':[19,23],'roles':[]},"
                + "'created_by':{'email':'ada@example.com'}}");
    return ChangeRequest.of(raw);
  }

  private static Plan awaiting(String apiUrl) {
    PlanMetadata m = SamplePlans.METADATA;
    PlanMetadata metadata =
        new PlanMetadata(
            m.formatVersion(),
            m.toolVersion(),
            apiUrl,
            m.projectId(),
            m.projectName(),
            m.gitCommit(),
            m.gitDirty(),
            m.environment());
    PendingApproval approval =
        new PendingApproval(
            new Address(TestKinds.FEATURE_FLAG, "one-page-checkout"),
            LiveId.of(4821),
            Verdict.AWAITING,
            List.of(request()),
            null);
    return new Plan(metadata, List.of(), 0, List.of(), List.of(approval));
  }

  private static String markdown(Plan plan) {
    return PlanMarkdownView.render(plan, ChangeDiffs.of(plan));
  }

  @Test
  void thePullRequestCommentLinksEachChangeRequestInPostHog() {
    assertThat(markdown(awaiting("https://eu.posthog.com")))
        .contains(
            "- ⏳ FeatureFlag \"one-page-checkout\" (id 4821): awaiting approval (change request"
                + " [#"
                + ID
                + "](https://eu.posthog.com/project/4242/approvals/"
                + ID
                + "), 1 of 2 approvals)\n",
            "1 change awaits approval in PostHog.");
  }

  @Test
  void throughMatonOrFromASnapshotTheRequestIsNamedWithoutALink() {
    assertThat(markdown(awaiting("https://api.maton.ai/posthog")))
        .contains("(change request #" + ID + ", 1 of 2 approvals)")
        .doesNotContain("](");
    assertThat(markdown(awaiting("snapshot:live.json"))).doesNotContain("](");
  }

  @Test
  void theTextViewListsThemInTheirOwnGroupAndDoesNotClaimPostHogMatches() {
    Plan plan = awaiting("https://eu.posthog.com");

    assertThat(PlanTextView.render(plan, ChangeDiffs.of(plan), false))
        .endsWith(
            "Pending approvals in PostHog:\n"
                + "  ~ FeatureFlag \"one-page-checkout\" (id 4821)   awaiting approval (change"
                + " request #"
                + ID
                + ", 1 of 2 approvals)\n\n"
                + "No changes to make now.\n"
                + "1 change awaits approval in PostHog.\n");
  }

  @Test
  void aSavedPlanKeepsWhatThePlanSawOfEachRequest() {
    Plan plan = awaiting("https://eu.posthog.com");

    Plan read = PlanFiles.read(PlanFiles.write(plan, ChangeDiffs.of(plan)), "plan.json");

    PendingApproval approval = read.approvals().get(0);
    assertThat(approval.address()).isEqualTo(plan.approvals().get(0).address());
    assertThat(approval.verdict()).isEqualTo(Verdict.AWAITING);
    assertThat(approval.liveId()).isEqualTo(LiveId.of(4821));
    ChangeRequest seen = approval.requests().get(0);
    assertThat(seen.id()).isEqualTo(ID);
    assertThat(seen.approvals()).isEqualTo(1);
    assertThat(seen.quorum()).isEqualTo(2);
    assertThat(seen.approverUsers()).containsExactly(19L, 23L);
    assertThat(seen.requester()).isEqualTo("ada@example.com");
    assertThat(seen.canCancel()).isFalse();
    assertThat(PlanTextView.render(read, ChangeDiffs.of(read), false))
        .isEqualTo(PlanTextView.render(plan, ChangeDiffs.of(plan), false));
  }
}
