package io.posthoggitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.TestKinds;
import io.posthoggitops.diff.ChangeDiffs;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanMarkdownViewTest {

  @Test
  void aPlanOf500ChangesStaysUnder60000CharactersAndSaysWhatItLeftOut() {
    String markdown =
        PlanMarkdownView.render(SamplePlans.large(500), ChangeDiffs.of(SamplePlans.large(500)));

    assertThat(markdown.length()).isLessThanOrEqualTo(60_000);
    assertThat(markdown)
        .startsWith(
            "<!-- posthog-gitops-plan -->\n**Plan: 0 to create, 500 to update, 0 to delete.**");
    int shownBlocks = markdown.split("<details>", -1).length - 1;
    assertThat(shownBlocks).isBetween(50, 499);
    assertThat(markdown).endsWith("\n" + (500 - shownBlocks) + " more changes not shown here.\n");
    assertThat(markdown.split("</details>", -1)).hasSize(shownBlocks + 1);
  }

  @Test
  void theTableStopsAfter200RowsAndCountsTheRest() {
    String markdown =
        PlanMarkdownView.render(SamplePlans.large(500), ChangeDiffs.of(SamplePlans.large(500)));

    assertThat(markdown.lines().filter(l -> l.startsWith("| ✏️ |"))).hasSize(200);
    assertThat(markdown).contains("| ✏️ | FeatureFlag | flag-199 |").doesNotContain("| flag-200 |");
    assertThat(markdown).contains("\n… and 300 more\n");
  }

  @Test
  void aPlanThatFitsShowsEveryBlockAndNoCutLine() {
    String markdown =
        PlanMarkdownView.render(SamplePlans.large(20), ChangeDiffs.of(SamplePlans.large(20)));

    assertThat(markdown.split("<details>", -1)).hasSize(21);
    assertThat(markdown).doesNotContain("not shown here").doesNotContain("… and");
  }

  @Test
  void summarisesSeveralChangedFieldsAsTheFirstTwoAndACount() {
    var before = SamplePlans.json("{'a':1,'b':2,'c':3,'d':4}");
    var after = SamplePlans.json("{'a':9,'b':8,'c':7,'d':6}");
    Plan plan =
        new Plan(
            SamplePlans.METADATA,
            List.of(
                new Change(
                    new Address(TestKinds.ACTION, "Signed | up"),
                    LiveId.of(5),
                    ChangeAction.UPDATE,
                    before,
                    after,
                    List.of(),
                    "f",
                    null,
                    null)),
            0,
            List.of());

    assertThat(PlanMarkdownView.render(plan, ChangeDiffs.of(plan)))
        .contains("| ✏️ | Action | Signed \\| up | `a` 1 → 9, `b` 2 → 8, +2 more |");
  }

  @Test
  void fencesDiffsThatHoldBackticksAndEscapesHtmlInSummaries() {
    var after =
        SamplePlans.json("{'name':'<b>KPIs</b>','tiles':[{'text':'```sql\\nselect 1\\n```'}]}");
    Plan plan =
        new Plan(
            SamplePlans.METADATA,
            List.of(
                new Change(
                    new Address(TestKinds.DASHBOARD, "<b>KPIs</b>"),
                    null,
                    ChangeAction.CREATE,
                    null,
                    after,
                    List.of(),
                    null,
                    null,
                    null)),
            0,
            List.of());

    String markdown = PlanMarkdownView.render(plan, ChangeDiffs.of(plan));

    assertThat(markdown)
        .contains("<summary>➕ Dashboard \"&lt;b&gt;KPIs&lt;/b&gt;\"</summary>")
        .contains("\n````diff\n+ name: <b>KPIs</b>\n")
        .contains("+       ```sql\n")
        .contains("\n````\n</details>");
  }

  @Test
  void neverContainsAnsiCodes() {
    assertThat(
            PlanMarkdownView.render(
                SamplePlans.illustrated(), ChangeDiffs.of(SamplePlans.illustrated())))
        .doesNotContain("\u001B[");
  }
}
