package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.posthoggitops.TestKinds;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostHogClientListingTest {

  @RegisterExtension static final WireMockExtension api = ClientSetup.server();

  /** Stands for PostHog's own host, which the {@code next} links name. */
  @RegisterExtension static final WireMockExtension postHogHost = ClientSetup.server();

  private ClientSetup setup;

  @BeforeEach
  void stubProject() {
    postHogHost.stubFor(get(anyUrl()).willReturn(okJson("{\"count\":0,\"results\":[]}")));
    api.stubFor(
        get(urlEqualTo("/api/projects/@current/"))
            .willReturn(okJson("{\"id\":4242,\"name\":\"Acme Web\"}")));
    setup = new ClientSetup(api);
  }

  private static ObjectNode cohort(long id) {
    return Fixtures.item("cohort.list.json", id, "name", "Cohort " + id);
  }

  private void stubCohortPage(int offset, String next, long count, int from, int to) {
    ObjectNode[] items =
        IntStream.range(from, to).mapToObj(i -> cohort(i)).toArray(ObjectNode[]::new);
    api.stubFor(
        get(urlPathEqualTo("/api/projects/4242/cohorts/"))
            .withQueryParam("limit", equalTo("100"))
            .withQueryParam("offset", equalTo(String.valueOf(offset)))
            .willReturn(okJson(Fixtures.page(count, next, items))));
  }

  @Test
  void readsThreePagesByOffsetAndNeverFollowsNextToAnotherHost() {
    String next = postHogHost.baseUrl() + "/api/projects/4242/cohorts/?limit=100&offset=100";
    stubCohortPage(0, next, 250, 1, 101);
    stubCohortPage(100, next, 250, 101, 201);
    stubCohortPage(200, null, 250, 201, 251);

    List<ObjectNode> cohorts = setup.client().list(TestKinds.COHORT);

    assertThat(cohorts)
        .extracting(c -> c.get("id").asLong())
        .containsExactlyElementsOf(IntStream.range(1, 251).mapToObj(Long::valueOf).toList());
    api.verify(3, getRequestedFor(urlPathEqualTo("/api/projects/4242/cohorts/")));
    api.verify(0, getRequestedFor(urlPathEqualTo("/api/projects/4242/cohorts/1/")));
    postHogHost.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void fetchesTheRemainingPagesConcurrently() {
    stubCohortPage(0, null, 450, 1, 101);
    for (int offset = 100; offset < 450; offset += 100) {
      ObjectNode[] items =
          IntStream.range(offset + 1, Math.min(offset + 101, 451))
              .mapToObj(i -> cohort(i))
              .toArray(ObjectNode[]::new);
      api.stubFor(
          get(urlPathEqualTo("/api/projects/4242/cohorts/"))
              .withQueryParam("offset", equalTo(String.valueOf(offset)))
              .willReturn(okJson(Fixtures.page(450, null, items)).withFixedDelay(600)));
    }
    List<ObjectNode> cohorts = setup.client().list(TestKinds.COHORT);

    assertThat(cohorts).hasSize(450);
    // Each later page is answered after 600 ms: one after another, each is asked for at least
    // 600 ms after the previous one; concurrently, all are asked for before the first is answered.
    List<Long> asked =
        api.getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().matches(".*[?&]offset=[1-9][0-9]*$"))
            .map(e -> e.getRequest().getLoggedDate().getTime())
            .sorted()
            .toList();
    assertThat(asked).hasSize(4);
    assertThat(asked.get(3) - asked.get(0)).isLessThan(600);
  }

  @Test
  void readsActionsInTheNewerCountEnvelopeAndTheOlderResultsOnlyEnvelope() {
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/actions/"))
            .willReturn(okJson(Fixtures.text("action.list.json"))));
    assertThat(setup.client().list(TestKinds.ACTION))
        .extracting(a -> a.get("name").asText())
        .containsExactly("User signed up", "Viewed pricing page");

    api.stubFor(
        get(urlEqualTo("/api/projects/4242/actions/"))
            .willReturn(okJson(Fixtures.text("action.list.older-shape.json"))));
    assertThat(setup.client().list(TestKinds.ACTION))
        .extracting(a -> a.get("id").asLong())
        .containsExactly(331L, 298L);
  }

  @Test
  void listsArchivedFlagsTooAndMergesThemById() {
    ObjectNode live = Fixtures.item("feature_flag.list.json", 1, "key", "live-flag");
    ObjectNode archived =
        Fixtures.item("feature_flag.list.json", 2, "key", "old-flag")
            .put("archived", true)
            .put("active", false);
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/feature_flags/?limit=100&offset=0"))
            .willReturn(okJson(Fixtures.page(1, null, live))));
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/feature_flags/?archived=true&limit=100&offset=0"))
            .willReturn(okJson(Fixtures.page(2, null, archived, live))));

    assertThat(setup.client().list(TestKinds.FEATURE_FLAG))
        .extracting(f -> f.get("key").asText())
        .containsExactly("live-flag", "old-flag");
  }

  @Test
  void completesExperimentsAndDashboardsWithOneGetEachAndNothingElse() {
    api.stubFor(
        get(urlPathEqualTo("/api/projects/4242/experiments/"))
            .willReturn(okJson(Fixtures.text("experiment.list.json"))));
    ObjectNode experiment77 = Fixtures.load("experiment.retrieve.json");
    ObjectNode experiment81 =
        experiment77.deepCopy().put("id", 81).put("feature_flag_key", "other-flag");
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/experiments/77/"))
            .willReturn(okJson(experiment77.toString())));
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/experiments/81/"))
            .willReturn(okJson(experiment81.toString())));
    api.stubFor(
        get(urlPathEqualTo("/api/projects/4242/dashboards/"))
            .willReturn(okJson(Fixtures.text("dashboard.list.json"))));
    ObjectNode dashboard = Fixtures.load("dashboard.retrieve.json");
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/dashboards/3101/"))
            .willReturn(okJson(dashboard.toString())));
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/dashboards/2988/"))
            .willReturn(okJson(dashboard.deepCopy().put("id", 2988).toString())));
    PostHogClient client = setup.client();

    List<ObjectNode> experiments = client.list(TestKinds.EXPERIMENT);
    List<ObjectNode> dashboards = client.list(TestKinds.DASHBOARD);

    assertThat(experiments).extracting(e -> e.get("id").asLong()).containsExactly(81L, 77L);
    assertThat(experiments).allMatch(e -> e.has("metrics"));
    assertThat(dashboards).allMatch(d -> d.has("tiles"));
    api.verify(1, getRequestedFor(urlEqualTo("/api/projects/4242/experiments/77/")));
    api.verify(1, getRequestedFor(urlEqualTo("/api/projects/4242/dashboards/2988/")));
    assertThat(setup.requestLog).hasSize(1 + 2 + 2 + 1 + 2);
  }

  @Test
  void getsNoSingleObjectsForFlagsCohortsOrActions() {
    api.stubFor(
        get(urlPathEqualTo("/api/projects/4242/cohorts/"))
            .willReturn(okJson(Fixtures.text("cohort.list.json"))));
    api.stubFor(
        get(urlPathEqualTo("/api/projects/4242/feature_flags/"))
            .willReturn(
                okJson(
                    Fixtures.page(
                        1, null, Fixtures.item("feature_flag.list.json", 5, "key", "k")))));
    PostHogClient client = setup.client();

    client.list(TestKinds.COHORT);
    client.list(TestKinds.FEATURE_FLAG);

    assertThat(setup.requestLog)
        .extracting(line -> line.split(" ")[1])
        .containsExactly(
            "/api/projects/@current/",
            "/api/projects/4242/cohorts/?limit=100&offset=0",
            "/api/projects/4242/feature_flags/?limit=100&offset=0",
            "/api/projects/4242/feature_flags/?archived=true&limit=100&offset=0");
  }

  @Test
  void aFirstPageHoldingTheWholeCountIsComplete() {
    stubCohortPage(0, null, 150, 1, 151);

    assertThat(setup.client().list(TestKinds.COHORT)).hasSize(150);
    api.verify(1, getRequestedFor(urlPathEqualTo("/api/projects/4242/cohorts/")));
  }

  @Test
  void aFirstPageShorterThanCountAndPageSizeIsAnError() {
    stubCohortPage(0, null, 150, 1, 80);

    assertThatThrownBy(() -> setup.client().list(TestKinds.COHORT))
        .hasMessageContaining("the page holds 79 items where 'count' implies 100");
  }

  @Test
  void aCountNoProjectHoldsIsAnErrorBeforeAnyOtherPageIsAskedFor() {
    stubCohortPage(0, null, 1_000_000_000_000L, 1, 101);

    assertThatThrownBy(() -> setup.client().list(TestKinds.COHORT))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("GET /api/projects/4242/cohorts/?limit=100&offset=0")
        .hasMessageContaining("'count' is 1000000000000, more than the 200,000 objects");
    api.verify(1, getRequestedFor(urlPathEqualTo("/api/projects/4242/cohorts/")));
  }

  @Test
  void aPageShorterThanCountIsAnErrorNotAShortList() {
    stubCohortPage(0, null, 150, 1, 101);
    stubCohortPage(100, null, 150, 101, 140);

    assertThatThrownBy(() -> setup.client().list(TestKinds.COHORT))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("GET /api/projects/4242/cohorts/?limit=100&offset=100")
        .hasMessageContaining("the page holds 39 items where 'count' implies 50");
  }

  @Test
  void anIdOnTwoPagesIsAnError() {
    stubCohortPage(0, null, 200, 1, 101);
    stubCohortPage(100, null, 200, 100, 200);

    assertThatThrownBy(() -> setup.client().list(TestKinds.COHORT))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("id 100 appears twice in the listing");
  }

  @Test
  void aBodyThatDoesNotParseIsAnError() {
    api.stubFor(
        get(urlPathEqualTo("/api/projects/4242/cohorts/"))
            .willReturn(aResponse().withStatus(200).withBody("<html>gateway says hi</html>")));

    assertThatThrownBy(() -> setup.client().list(TestKinds.COHORT))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith(
            "GET /api/projects/4242/cohorts/?limit=100&offset=0 answered 200, but the body is not valid JSON");
  }

  @Test
  void anEnvelopeWithoutResultsIsAnError() {
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/actions/")).willReturn(okJson("{\"count\": 3}")));

    assertThatThrownBy(() -> setup.client().list(TestKinds.ACTION))
        .hasMessageContaining("no 'results' list");
  }

  @Test
  void sendsTheKeyAsBearerTheConnectionHeaderAndJsonAccept() {
    setup.connection = "conn-123";
    api.stubFor(
        get(urlEqualTo("/api/projects/4242/actions/"))
            .willReturn(okJson(Fixtures.text("action.list.json"))));

    setup.client().list(TestKinds.ACTION);

    api.verify(
        getRequestedFor(urlEqualTo("/api/projects/4242/actions/"))
            .withHeader("Authorization", equalTo("Bearer " + ClientSetup.KEY))
            .withHeader("Maton-Connection", equalTo("conn-123"))
            .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void resolvesCurrentProjectOnceAndReadsOrganisationFeatures() {
    api.stubFor(
        get(urlEqualTo("/api/organizations/@current/"))
            .willReturn(
                okJson(
                    "{\"available_product_features\":[{\"key\":\"tagging\",\"name\":\"Tagging\"},{\"key\":\"sso\"}]}")));
    PostHogClient client = setup.client();

    assertThat(client.project()).isEqualTo(new PostHogApi.ProjectInfo(4242, "Acme Web"));
    assertThat(client.project().id()).isEqualTo(4242);
    assertThat(client.organizationFeatures()).containsExactly("tagging", "sso");
    api.verify(1, getRequestedFor(urlEqualTo("/api/projects/@current/")));
  }

  @Test
  void aForbiddenOrganisationReadWarnsAndAssumesNoFeatures() {
    api.stubFor(
        get(urlEqualTo("/api/organizations/@current/"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(Fixtures.text("error.403.missing_scope.json"))));

    assertThat(setup.client().organizationFeatures()).isEmpty();
    assertThat(setup.warnings).singleElement().asString().contains("assuming none");
  }
}
