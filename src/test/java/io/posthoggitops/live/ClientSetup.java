package io.posthoggitops.live;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.posthoggitops.config.ConnectionSettings;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client pointed at a WireMock server, with fake time and captured log lines. */
final class ClientSetup {

  static final String KEY = "phx_fake_key_for_tests_7f3c9a";

  final FakeTime time = new FakeTime();
  final List<String> requestLog = new CopyOnWriteArrayList<>();
  final List<String> warnings = new CopyOnWriteArrayList<>();
  final String serverUrl;

  /** What the client believes its API URL is; a Maton host changes what some errors mean. */
  String apiUrl;

  String project = "@current";
  String connection;
  int rateLimit = 480;
  int maxAttempts = 5;

  ClientSetup(WireMockExtension server) {
    this(server.baseUrl());
  }

  /**
   * A WireMock server on a free port, started and stopped with the test class, reset after each
   * test.
   */
  static WireMockExtension server() {
    return WireMockExtension.newInstance().options(options().dynamicPort()).build();
  }

  /** The project the client is pointed at: 4242, "Acme Web". */
  static void stubProject(WireMockExtension server) {
    server.stubFor(
        get(urlEqualTo("/api/projects/4242/"))
            .willReturn(okJson("{\"id\":4242,\"name\":\"Acme Web\"}")));
  }

  ClientSetup(String serverUrl) {
    this.serverUrl = serverUrl;
    this.apiUrl = serverUrl;
  }

  ClientSetup viaMatonHost() {
    apiUrl = "https://api.maton.ai/posthog";
    return this;
  }

  PostHogClient client() {
    ConnectionSettings settings =
        new ConnectionSettings(apiUrl, project, connection, KEY, rateLimit);
    ClientOptions options =
        new ClientOptions(
            new RetryPolicy(maxAttempts, new Random(7)), time, requestLog::add, warnings::add, 4);
    return new PostHogClient(settings, new JdkHttpTransport(serverUrl), options);
  }
}
