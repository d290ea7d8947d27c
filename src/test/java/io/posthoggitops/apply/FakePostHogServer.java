package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.posthoggitops.cli.InProcessCli;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.ApiException;
import io.posthoggitops.live.ApprovalRequiredException;
import io.posthoggitops.live.UnclearWriteException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link FakePostHog} over HTTP on loopback, so the real CLI (client, retries, pagination) can run
 * against a PostHog that keeps what it is sent. Lists answer in one page; every request is logged
 * as {@code METHOD PATH}. With approval policies, a gated write is answered with PostHog's 409
 * {@code approval_required} body and the change requests are listed and cancelled as PostHog does
 * ({@link FakeApprovals}).
 */
public final class FakePostHogServer implements AutoCloseable, AfterEachCallback {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakePostHog api;
  private final long projectId;
  private final String projectName;
  private final String projectPath;
  private final HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile Consumer<String> beforeAnswer = path -> {};

  public FakePostHogServer() throws IOException {
    this(new FakePostHog(), 0);
  }

  /** On a given loopback port, e.g. to show a stable URL. */
  public FakePostHogServer(int port) throws IOException {
    this(new FakePostHog(), port);
  }

  /** A PostHog whose one project has this id and name (several stand for several projects). */
  public FakePostHogServer(long projectId, String projectName) throws IOException {
    this(new FakePostHog(), 0, projectId, projectName);
  }

  FakePostHogServer(FakePostHog api) throws IOException {
    this(api, 0);
  }

  private FakePostHogServer(FakePostHog api, int port) throws IOException {
    this(api, port, 4242, "Acme Web");
  }

  private FakePostHogServer(FakePostHog api, int port, long projectId, String projectName)
      throws IOException {
    this.api = api;
    this.projectId = projectId;
    this.projectName = projectName;
    this.projectPath = "/api/projects/" + projectId + "/";
    // Without it each answer waits ~40 ms on Nagle's algorithm and delayed ACKs; the JDK's server
    // reads it once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * A server for one test, closed after it: {@code @RegisterExtension final FakePostHogServer
   * posthog = FakePostHogServer.perTest();}
   */
  public static FakePostHogServer perTest() {
    try {
      return new FakePostHogServer();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a loopback server", e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /** The real CLI, in this JVM, with {@code env} as its environment and this server's URL. */
  public InProcessCli.Result cli(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--api-url";
    all[1] = url();
    System.arraycopy(args, 0, all, 2, args.length);
    return InProcessCli.run(env, all);
  }

  /** The URL to give as {@code --api-url}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakePostHog api() {
    return api;
  }

  /** Every request so far, as {@code METHOD PATH?QUERY}. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The writes so far, as {@code METHOD PATH BODY} relative to the project. */
  public List<String> writes() {
    synchronized (api) {
      return List.copyOf(api.writes);
    }
  }

  /** Adds a live object, as PostHog would hold it. */
  public void add(String resource, String json) throws IOException {
    synchronized (api) {
      api.add(resource, (ObjectNode) JSON.readTree(json));
    }
  }

  /** The live objects of a resource, deleted ones too. */
  public List<ObjectNode> all(String resource) {
    synchronized (api) {
      return api.all(resource).stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /** The organisation has approvals, with a policy gating {@code actionKey} writes. */
  public FakePostHogServer policy(String actionKey, int quorum, Long... approvers) {
    synchronized (api) {
      api.approvals.policy(actionKey, quorum, approvers);
    }
    return this;
  }

  /** The organisation has approvals (the paid feature), with no policy. */
  public FakePostHogServer approvalsFeature() {
    synchronized (api) {
      api.features.add("approvals");
    }
    return this;
  }

  /** An approver approves a change request; at quorum PostHog applies it. */
  public void approve(String requestId, long user) {
    synchronized (api) {
      api.approvals.approve(requestId, user);
    }
  }

  /** Every change request ever stored, as PostHog holds them. */
  public List<ObjectNode> changeRequests() {
    synchronized (api) {
      return api.approvals.requests.stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /** Runs before each answer is sent, with the request line (to act between requests). */
  public void beforeAnswer(Consumer<String> hook) {
    this.beforeAnswer = hook;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String line = method + " " + path + (query == null ? "" : "?" + query);
    requests.add(line);
    byte[] sent = exchange.getRequestBody().readAllBytes();
    int status = 200;
    JsonNode answer;
    try {
      answer = answer(method, path, query, sent);
      if ("POST".equals(method) && !path.endsWith("/launch/") && !path.endsWith("/end/")) {
        status = 201;
      }
    } catch (ApprovalRequiredException e) {
      status = 409;
      answer = gated(e);
    } catch (UnclearWriteException e) {
      status = 502;
      answer = JSON.createObjectNode().put("detail", "Bad gateway");
    } catch (ApiException e) {
      status = e.status();
      answer =
          JSON.createObjectNode()
              .put("type", "validation_error")
              .put("code", "invalid_input")
              .put("detail", e.detail())
              .put("attr", e.attr());
    }
    beforeAnswer.accept(line);
    byte[] body = JSON.writeValueAsBytes(answer);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private JsonNode answer(String method, String path, String query, byte[] sent)
      throws IOException {
    if (path.equals("/api/projects/@current/") || path.equals(projectPath)) {
      return JSON.createObjectNode().put("id", projectId).put("name", projectName);
    }
    if (path.equals("/api/organizations/@current/")) {
      ObjectNode org = JSON.createObjectNode();
      api.organizationFeatures()
          .forEach(f -> org.withArray("available_product_features").addObject().put("key", f));
      return org;
    }
    if (!path.startsWith(projectPath)) {
      throw new ApiException(404, "Not found.", null, "HTTP 404 for " + path);
    }
    String rest = path.substring(projectPath.length());
    synchronized (api) {
      if ("GET".equals(method) && query != null && query.startsWith("search=")) {
        return api.get(rest + "?" + query);
      }
      if ("GET".equals(method)) {
        if (rest.equals("change_requests/")) {
          return page(api.openChangeRequests());
        }
        Optional<Kind> listed =
            Kinds.all().stream().filter(k -> rest.equals(k.resource() + "/")).findFirst();
        if (listed.isPresent()) {
          return page(api.list(listed.get()));
        }
        return api.get(rest);
      }
      ObjectNode body =
          sent.length == 0
              ? JSON.createObjectNode()
              : (ObjectNode) JSON.readTree(new String(sent, StandardCharsets.UTF_8));
      return api.write(method, rest, body);
    }
  }

  private static ObjectNode page(List<ObjectNode> items) {
    ObjectNode page = JSON.createObjectNode().put("count", items.size());
    page.putNull("next");
    page.putArray("results").addAll(items);
    return page;
  }

  /** PostHog's 409 body for a gated write (docs/approvals.md). */
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
}
