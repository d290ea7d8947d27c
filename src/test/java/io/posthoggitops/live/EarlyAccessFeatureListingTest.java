package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.earlyaccess.EarlyAccessFeatureKind;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Early access features are listed in pages with UUID ids; a PostHog that answers their list 404
 * (older versions, proxies) has none to offer, which is not an error until a document needs one.
 */
class EarlyAccessFeatureListingTest {

  private static final String LIST = "/api/projects/4242/early_access_feature/";
  @RegisterExtension static final WireMockExtension api = ClientSetup.server();
  private ClientSetup setup;

  @BeforeEach
  void stubProject() {
    ClientSetup.stubProject(api);
    setup = new ClientSetup(api);
    setup.project = "4242";
  }

  @Test
  void listsPagesAndReadsUuidIds() {
    api.stubFor(
        get(urlEqualTo(LIST + "?limit=100&offset=0"))
            .willReturn(okJson(Fixtures.text("early_access_feature.list.json"))));

    var objects =
        LiveStateReader.toLiveObjects(
            EarlyAccessFeatureKind.KIND, setup.client().list(EarlyAccessFeatureKind.KIND));

    assertThat(objects)
        .extracting(LiveObject::id, LiveObject::identity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                new LiveId("0191b3c2-5d7e-7f00-8a1b-2c3d4e5f6a01"), "Dark mode"),
            org.assertj.core.groups.Tuple.tuple(
                new LiveId("0191b3c2-5d7e-7f00-8a1b-2c3d4e5f6a02"), "Old checkout preview"));
  }

  @Test
  void anAnswer404MeansThisPostHogServesNone() {
    api.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(404)));
    api.stubFor(get(urlEqualTo("/api/organizations/@current/")).willReturn(okJson("{}")));
    api.stubFor(
        get(urlPathEqualTo("/api/projects/4242/actions/"))
            .willReturn(okJson("{\"count\":0,\"results\":[]}")));
    for (String list : new String[] {"cohorts", "feature_flags", "experiments", "dashboards"}) {
      api.stubFor(
          get(urlPathEqualTo("/api/projects/4242/" + list + "/"))
              .willReturn(okJson("{\"count\":0,\"results\":[]}")));
    }

    LiveState state = LiveStateReader.read(setup.client(), "http://api.example");

    assertThat(state.unavailable()).containsExactly(EarlyAccessFeatureKind.KIND);
    assertThat(state.of(EarlyAccessFeatureKind.KIND)).isEmpty();
    api.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
  }

  @Test
  void aDeclaredFeatureCannotBePlannedWhereNoneAreServed() {
    LiveState none =
        new LiveState(
            "http://api.example",
            4242,
            "Acme Web",
            java.util.Set.of(),
            java.util.Map.of(),
            java.util.Set.of(EarlyAccessFeatureKind.KIND));
    var declared =
        io.posthoggitops.plan.TestDeclarations.read(
            "features.yaml",
            "kind: EarlyAccessFeature\nname: Dark mode\nstage: beta\nfeature_flag_id: 4790\n");

    var result = io.posthoggitops.plan.Plans.plan(declared, none);

    assertThat(result.plan()).isNull();
    assertThat(result.diagnostics())
        .extracting(d -> d.format())
        .containsExactly(
            "features.yaml:1:1: EarlyAccessFeature/Dark mode cannot be planned: this PostHog does"
                + " not serve early_access_feature/ (its list answered 404); upgrade PostHog, check"
                + " that the API URL reaches PostHog itself, or remove the document");
  }

  @Test
  void anIdThatIsNotAUuidIsAnError() {
    api.stubFor(
        get(urlEqualTo(LIST + "?limit=100&offset=0"))
            .willReturn(
                okJson(
                    "{\"count\":1,\"results\":[{\"id\":17,\"name\":\"Dark mode\",\"stage\":\"beta\"}]}")));

    assertThatThrownBy(() -> setup.client().list(EarlyAccessFeatureKind.KIND))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("a list item's 'id' is 17 (the one named \"Dark mode\"), not a UUID");
  }
}
