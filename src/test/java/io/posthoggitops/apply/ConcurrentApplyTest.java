package io.posthoggitops.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.posthoggitops.cli.InProcessCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two applies at once: while this one plans, another creates what it is about to create. Names
 * PostHog does not keep unique are looked up just before each create, so no duplicate is made and
 * the apply stops as stale (exit 4); the next plan is clean.
 */
class ConcurrentApplyTest {
  private static final Map<String, String> ENV = Map.of("MATON_API_KEY", "test-key-55c1");

  @TempDir Path dir;
  @RegisterExtension final FakePostHogServer posthog = FakePostHogServer.perTest();

  /** Once the list of {@code resource} has been answered, another apply does {@code meanwhile}. */
  private void afterListOf(String resource, Runnable meanwhile) {
    AtomicBoolean done = new AtomicBoolean();
    posthog.beforeAnswer(
        line -> {
          if (line.startsWith("GET /api/projects/4242/" + resource + "/?limit")
              && done.compareAndSet(false, true)) {
            meanwhile.run();
          }
        });
  }

  private InProcessCli.Result cli(String... args) {
    return posthog.cli(ENV, args);
  }

  @Test
  void aCohortCreatedMeanwhileIsNotCreatedTwice() throws IOException {
    Files.writeString(
        dir.resolve("pilot.yaml"),
        """
        kind: Cohort
        name: Pilot customers
        filters:
          properties: {type: AND, values: [{type: person, key: tier, value: [pilot]}]}
        ---
        kind: FeatureFlag
        key: pilot-dashboard
        filters:
          groups:
            - properties: [{type: cohort, key: id, value: {cohort: Pilot customers}}]
              rollout_percentage: 100
        """);
    afterListOf(
        "cohorts",
        () -> add("cohorts", "{\"id\":777,\"name\":\"Pilot customers\",\"filters\":{}}"));

    InProcessCli.Result apply = cli("apply", dir.toString(), "--approve");

    assertThat(apply.exitCode()).as(apply.output()).isEqualTo(4);
    assertThat(apply.stdout())
        .contains("Cohort/Pilot customers now exists in PostHog (id 777), made since the plan");
    assertThat(apply.stderr()).contains("which PostHog already holds: the plan is stale there");
    assertThat(posthog.writes()).isEmpty();
    assertThat(posthog.all("cohorts")).hasSize(1);
    assertThat(posthog.requests())
        .contains("GET /api/projects/4242/cohorts/?search=Pilot+customers&limit=100");
  }

  @Test
  void anInsightPlacedOnItsDashboardMeanwhileIsNotPlacedTwice() throws IOException {
    add("dashboards", "{\"id\":3101,\"name\":\"Checkout\",\"tiles\":[]}");
    Files.writeString(
        dir.resolve("checkout.yaml"),
        """
        kind: Dashboard
        name: Checkout
        tiles:
          - insight:
              name: Daily checkouts
              query:
                kind: InsightVizNode
                source: {kind: TrendsQuery, series: [{kind: EventsNode, event: checkout_completed}]}
        """);
    afterListOf(
        "dashboards",
        () -> {
          synchronized (posthog.api()) {
            posthog
                .api()
                .write(
                    "POST",
                    "insights/",
                    ApplyRunTest.json(
                        "{'name':'Daily checkouts','query':{'kind':'InsightVizNode'},"
                            + "'dashboards':[3101]}"));
            posthog.api().writes.clear();
          }
        });

    InProcessCli.Result apply = cli("apply", dir.toString(), "--approve");

    assertThat(apply.exitCode()).as(apply.output()).isEqualTo(4);
    assertThat(posthog.writes()).noneMatch(w -> w.startsWith("POST insights/"));
    assertThat(posthog.all("insights")).hasSize(1);
  }

  private void add(String resource, String json) {
    try {
      posthog.add(resource, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
