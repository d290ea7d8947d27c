package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.ApiException;
import io.posthoggitops.live.ApprovalRequiredException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link FakePostHog} behind PostHog's HTTP API on loopback, so the real CLI and client can run
 * against it: lists answered whole in the standard envelope, failures in PostHog's error envelope,
 * a gated write as PostHog's 409 {@code approval_required} body. Every request is recorded as
 * {@code METHOD /path?query}.
 */
public final class FakePostHogServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECT = "/api/projects/4242/";

  private final FakePostHog posthog = new FakePostHog();
  private final HttpServer server;

  /** Every request received, in order. */
  public final List<String> requests = new CopyOnWriteArrayList<>();

  private FakePostHogServer(HttpServer server) {
    this.server = server;
  }

  public static FakePostHogServer start() {
    return start(0);
  }

  /** On a given loopback port (0: any free one). */
  public static FakePostHogServer start(int port) {
    // Without it each answer waits ~40 ms on Nagle's algorithm and delayed ACKs; read by the JDK's
    // server once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      FakePostHogServer fake = new FakePostHogServer(http);
      http.createContext("/", fake::handle);
      http.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The organisation has approvals, with a policy gating {@code actionKey} writes. */
  public FakePostHogServer policy(String actionKey, int quorum, Long... approvers) {
    posthog.approvals.policy(actionKey, quorum, approvers);
    return this;
  }

  /** The organisation has approvals (the paid feature), with no policy. */
  public FakePostHogServer approvalsFeature() {
    posthog.features.add("approvals");
    return this;
  }

  /** An approver approves the change request; at quorum PostHog applies it. */
  public void approve(String requestId, long user) {
    posthog.approvals.approve(requestId, user);
  }

  /** Every change request ever stored, as PostHog holds them. */
  public List<ObjectNode> changeRequests() {
    return posthog.approvals.requests.stream().map(ObjectNode::deepCopy).toList();
  }

  /** The stored flag with this key, or null. */
  public ObjectNode flag(String key) {
    return posthog.all("feature_flags").stream()
        .filter(f -> f.path("key").asText().equals(key))
        .findFirst()
        .map(ObjectNode::deepCopy)
        .orElse(null);
  }

  /** How many requests start with {@code prefix}, e.g. {@code GET /api/projects/4242/change_}. */
  public long count(String prefix) {
    return requests.stream().filter(r -> r.startsWith(prefix)).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(method + " " + path + (query == null ? "" : "?" + query));
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      reply(exchange, 200, answer(method, path, query, body));
    } catch (ApprovalRequiredException e) {
      reply(exchange, 409, gated(e));
    } catch (ApiException e) {
      ObjectNode envelope = JSON.createObjectNode().put("type", "validation_error");
      envelope.put("code", "invalid").put("detail", e.detail()).put("attr", e.attr());
      reply(exchange, e.status(), envelope);
    } catch (RuntimeException e) {
      ObjectNode envelope = JSON.createObjectNode().put("type", "server_error");
      envelope.put("code", "error").put("detail", String.valueOf(e)).putNull("attr");
      reply(exchange, 500, envelope);
    }
  }

  private ObjectNode answer(String method, String path, String query, byte[] body)
      throws IOException {
    if (path.equals("/api/organizations/@current/")) {
      ArrayNode features = JSON.createArrayNode();
      posthog.organizationFeatures().forEach(f -> features.addObject().put("key", f));
      ObjectNode org = JSON.createObjectNode();
      org.set("available_product_features", features);
      return org;
    }
    if (!path.startsWith(PROJECT)) {
      throw new ApiException(404, "Not found.", null, "not found");
    }
    String relative = path.substring(PROJECT.length());
    if (relative.isEmpty()) {
      return JSON.createObjectNode().put("id", 4242).put("name", "Acme Web");
    }
    if (!method.equals("GET")) {
      return posthog.write(method, relative, (ObjectNode) JSON.readTree(body));
    }
    if (relative.equals("change_requests/")) {
      return page(posthog.openChangeRequests());
    }
    Optional<Kind> kind =
        Kinds.all().stream().filter(k -> relative.equals(k.resource() + "/")).findFirst();
    if (kind.isPresent()) {
      boolean archivedOnly = query != null && query.contains("archived=true");
      return page(archivedOnly ? List.of() : posthog.list(kind.get()));
    }
    return posthog.get(relative);
  }

  /**
   * The standard envelope, everything on one page (the client accepts a server that ignores limit).
   */
  private static ObjectNode page(List<ObjectNode> items) {
    ObjectNode page = JSON.createObjectNode().put("count", items.size());
    page.putNull("next").putNull("previous");
    items.forEach(page.putArray("results")::add);
    return page;
  }

  /** PostHog's 409 body for a gated write. */
  private static ObjectNode gated(ApprovalRequiredException e) {
    ObjectNode body = JSON.createObjectNode();
    body.put("code", e.alreadyPending() ? "change_request_pending" : "approval_required");
    body.put("status", "approval_required");
    body.put("detail", "A change request has been created and is pending approval.");
    body.put("resource_type", "feature_flag");
    body.put("resource_id", e.request().resourceId());
    body.put("change_request_id", e.request().id());
    body.set("change_request", e.request().raw());
    body.set("required_approvers", e.request().raw().path("policy_snapshot").deepCopy());
    return body;
  }

  private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
