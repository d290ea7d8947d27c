package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.apply.FakePostHogServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI in-process (picocli, no CDI), on the production client and transport, against a
 * stateful PostHog on loopback whose approval policies hold gated flag writes as change requests
 * (docs/approvals.md).
 */
class ApprovalsCliTest {
  private static final String LISTS = "GET /api/projects/4242/change_requests/";
  private static final String WRITES_TO_FLAGS = "PATCH /api/projects/4242/feature_flags/";

  @TempDir Path dir;
  private FakePostHogServer posthog;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws IOException {
    posthog = new FakePostHogServer();
  }

  @AfterEach
  void stop() {
    posthog.close();
  }

  private static String flag(String key, String name, int rollout, String extra) {
    return """
        kind: FeatureFlag
        key: %s
        name: %s
        filters:
          groups:
            - properties: []%s
              rollout_percentage: %d
        ---
        """
        .formatted(key, name, extra, rollout);
  }

  private void declare(int checkoutRollout, String searchName, boolean pilot) throws IOException {
    String yaml =
        flag("one-page-checkout", "One-page checkout", checkoutRollout, "")
            + flag("search-v2", searchName, 100, "");
    if (pilot) {
      yaml +=
          flag("pilot-banner", "Pilot banner", 100, "")
              + flag(
                      "pilot-follow-up",
                      "Pilot follow-up",
                      100,
                      "\n        - {type: flag, key: {flag: pilot-banner}, operator: flag_evaluates_to,"
                          + " value: true}")
                  .replace("- properties: []\n", "- properties:\n");
    }
    Files.writeString(dir.resolve("flags.yaml"), yaml);
  }

  private Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of("--api-url", posthog.url(), "--project", "4242"));
    all.addAll(List.of(args));
    InProcessCli.Result result =
        InProcessCli.run(
            Map.of("MATON_API_KEY", "phx_test_key_not_secret"), all.toArray(String[]::new));
    return new Run(result.exitCode(), result.stdout(), result.stderr());
  }

  /** Runs the CLI and returns what it sent, counting requests from this run only. */
  private Run counted(List<String> sent, String... args) {
    int before = posthog.requests().size();
    Run run = cli(args);
    List<String> now = posthog.requests();
    sent.clear();
    sent.addAll(now.subList(before, now.size()));
    return run;
  }

  private static long count(List<String> sent, String prefix) {
    return sent.stream().filter(r -> r.startsWith(prefix)).count();
  }

  private String requestIdFor(String key) {
    return posthog.changeRequests().stream()
        .filter(r -> r.at("/intent/flag_key").asText().equals(key))
        .filter(r -> r.path("state").asText().equals("pending"))
        .map(r -> r.path("id").asText())
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private long openRequestsFor(String key) {
    return posthog.changeRequests().stream()
        .filter(r -> r.at("/intent/flag_key").asText().equals(key))
        .filter(r -> List.of("pending", "approved").contains(r.path("state").asText()))
        .count();
  }

  private ObjectNode flag(String key) {
    return posthog.all("feature_flags").stream()
        .filter(f -> f.path("key").asText().equals(key))
        .findFirst()
        .orElse(null);
  }

  private static int rollout(ObjectNode flag) {
    return flag.at("/filters/groups/0/rollout_percentage").asInt();
  }

  @Test
  void withoutApprovalsNothingChangesAndNoChangeRequestIsListed() throws IOException {
    List<String> sent = new ArrayList<>();
    declare(30, "Search v2", false);

    Run apply = counted(sent, "apply", dir.toString(), "--approve");
    Run plan = counted(sent, "plan", dir.toString(), "--detailed-exitcode");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).endsWith("Apply complete: 2 created, 0 updated, 0 deleted.\n");
    assertThat(plan.exit()).isZero();
    assertThat(plan.out()).contains("No changes. PostHog matches the declared state.");
    assertThat(posthog.requests()).noneMatch(r -> r.startsWith(LISTS));
  }

  @Test
  void withTheFeatureButNoPolicyOneListOfChangeRequestsIsAllItCosts() throws IOException {
    posthog.approvalsFeature();
    List<String> sent = new ArrayList<>();
    declare(30, "Search v2", false);

    Run apply = counted(sent, "apply", dir.toString(), "--approve");

    assertThat(apply.exit()).isZero();
    assertThat(count(sent, LISTS)).isEqualTo(1);
    assertThat(count(sent, "POST /api/projects/4242/change_requests/")).isZero();
    Run plan = counted(sent, "plan", dir.toString());
    assertThat(plan.out()).contains("No changes. PostHog matches the declared state.");
    assertThat(count(sent, LISTS)).isEqualTo(1);
    assertThat(sent).allMatch(r -> r.startsWith("GET "));
  }

  @Test
  void aGatedChangeAwaitsApprovalWhileTheOthersAreAppliedThenConverges() throws IOException {
    List<String> sent = new ArrayList<>();
    declare(30, "Search v2", false);
    assertThat(cli("apply", dir.toString(), "--approve").exit()).isZero();
    posthog.policy("feature_flag.update", 2, 19L, 23L).policy("feature_flag.enable", 1, 19L);
    declare(50, "Search, second edition", true);

    Run apply = counted(sent, "apply", dir.toString(), "--approve");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(5);
    String update = requestIdFor("one-page-checkout");
    String create = requestIdFor("pilot-banner");
    assertThat(apply.out())
        .contains(
            "~ updated FeatureFlag \"search-v2\"",
            "~ awaiting approval FeatureFlag \"one-page-checkout\" (id 5001): change request #"
                + update
                + " (0 of 2 approvals; approvers: users 19, 23)",
            "+ awaiting approval FeatureFlag \"pilot-banner\": change request #"
                + create
                + " (0 of 1 approvals; approvers: users 19)",
            "+ waiting FeatureFlag \"pilot-follow-up\": references FeatureFlag \"pilot-banner\","
                + " which awaits approval",
            "Applied what could be applied: 0 created, 1 updated, 0 deleted; 2 changes await"
                + " approval in PostHog.");
    assertThat(flag("search-v2").path("name").asText()).isEqualTo("Search, second edition");
    assertThat(rollout(flag("one-page-checkout"))).isEqualTo(30);
    assertThat(flag("pilot-banner")).isNull();
    assertThat(count(sent, LISTS)).isEqualTo(1);

    Run pending = counted(sent, "plan", dir.toString(), "--detailed-exitcode");

    assertThat(pending.exit()).as(pending.out()).isZero();
    assertThat(pending.out())
        .contains(
            "awaiting approval (change request #" + update + ", 0 of 2 approvals)",
            "awaiting approval (change request #" + create + ", 0 of 1 approvals)",
            "waits for FeatureFlag \"pilot-banner\", which awaits approval",
            "No changes to make now.",
            "2 changes await approval in PostHog; 1 change waits for one awaiting approval.");
    assertThat(count(sent, LISTS)).isEqualTo(1);
    assertThat(sent).allMatch(r -> r.startsWith("GET "));

    Run again = counted(sent, "apply", dir.toString(), "--approve");

    assertThat(again.exit()).isEqualTo(5);
    assertThat(again.out())
        .contains(
            "Pending approvals in PostHog:",
            "No changes to make now.",
            "2 changes await approval in PostHog; 1 change waits for one awaiting approval.");
    assertThat(sent).allMatch(r -> r.startsWith("GET "));

    posthog.approve(update, 19);
    posthog.approve(update, 23);
    posthog.approve(create, 19);
    Run afterApproval = counted(sent, "plan", dir.toString(), "--detailed-exitcode");

    assertThat(rollout(flag("one-page-checkout"))).isEqualTo(50);
    assertThat(afterApproval.out())
        .contains(
            "+ FeatureFlag \"pilot-follow-up\"", "Plan: 1 to create, 0 to update, 0 to delete.")
        .doesNotContain("one-page-checkout\"", "Pending approvals");
    Run rest = cli("apply", dir.toString(), "--approve");
    assertThat(rest.exit()).as(rest.out()).isEqualTo(5);
    assertThat(rest.out()).contains("+ awaiting approval FeatureFlag \"pilot-follow-up\"");
    posthog.approve(requestIdFor("pilot-follow-up"), 19);
    Run converged = cli("plan", dir.toString(), "--detailed-exitcode");
    assertThat(converged.exit()).isZero();
    assertThat(converged.out()).contains("No changes. PostHog matches the declared state.");
  }

  /**
   * Two flags applied without approvals, then a rollout policy, then the rollout raised: the id of
   * the change request PostHog holds it as.
   */
  private String rolloutRaisedUnderAPolicy() throws IOException {
    declare(30, "Search v2", false);
    assertThat(cli("apply", dir.toString(), "--approve").exit()).isZero();
    posthog.policy("feature_flag.update", 2, 19L, 23L);
    declare(50, "Search v2", false);
    assertThat(cli("apply", dir.toString(), "--approve").exit()).isEqualTo(5);
    return requestIdFor("one-page-checkout");
  }

  @Test
  void aChangedDeclarationReplacesThePendingRequestCancellingItBeforeItWrites() throws IOException {
    List<String> sent = new ArrayList<>();
    String first = rolloutRaisedUnderAPolicy();
    declare(75, "Search v2", false);
    Path saved = dir.resolve("plan.json");

    Run plan = cli("plan", dir.toString(), "--out", saved.toString());

    assertThat(plan.out())
        .contains(
            "replaces change request #" + first + " (0 of 2 approvals): apply cancels it first",
            "Plan: 0 to create, 1 to update, 0 to delete.");
    Run apply = counted(sent, "apply", "--plan", saved.toString(), "--approve");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(5);
    assertThat(sent)
        .filteredOn(r -> !r.startsWith("GET "))
        .containsExactly(
            "POST /api/projects/4242/change_requests/" + first + "/cancel/",
            WRITES_TO_FLAGS + "5001/");
    String second = requestIdFor("one-page-checkout");
    assertThat(second).isNotEqualTo(first);
    assertThat(openRequestsFor("one-page-checkout")).isEqualTo(1);
    assertThat(posthog.changeRequests())
        .filteredOn(r -> r.path("id").asText().equals(first))
        .extracting(r -> r.path("state").asText())
        .containsExactly("rejected");
    assertThat(
            posthog.changeRequests().stream()
                .filter(r -> r.path("id").asText().equals(second))
                .findFirst()
                .orElseThrow()
                .at("/intent/full_request_data/filters/groups/0/rollout_percentage")
                .asInt())
        .isEqualTo(75);
  }

  @Test
  void aChangedDeclarationNeverWritesOverARequestWithApprovals() throws IOException {
    List<String> sent = new ArrayList<>();
    String request = rolloutRaisedUnderAPolicy();
    posthog.approve(request, 19);
    declare(75, "Search, second edition", false);

    Run plan = counted(sent, "plan", dir.toString(), "--detailed-exitcode");

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.out())
        .contains(
            "blocked by change request #"
                + request
                + " (1 of 2 approvals), which holds another change: approve or reject it in"
                + " PostHog first",
            "Plan: 0 to create, 1 to update, 0 to delete.");
    Run apply = counted(sent, "apply", dir.toString(), "--approve");

    assertThat(apply.exit()).as(apply.out()).isEqualTo(5);
    assertThat(count(sent, WRITES_TO_FLAGS + "5001/")).isZero();
    assertThat(count(sent, "POST /api/projects/4242/change_requests/")).isZero();
    assertThat(apply.out())
        .contains(
            "Blocked by a change request (1):",
            "~ FeatureFlag \"one-page-checkout\" (id 5001): change request #"
                + request
                + " (1 of 2 approvals) holds another change");
    posthog.approve(request, 23);
    assertThat(rollout(flag("one-page-checkout"))).isEqualTo(50);
  }
}
