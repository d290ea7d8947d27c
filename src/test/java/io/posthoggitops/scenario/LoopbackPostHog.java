package io.posthoggitops.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.Snapshots;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * PostHog on loopback for a scenario: a snapshot's objects served as PostHog's list and retrieve
 * endpoints (everything in one page), and the query and blast-radius endpoints answered as the
 * scenario's {@code posthog.json} says. Keeps every request it gets, in order.
 *
 * <p>{@code posthog.json}: {@code {"query": ANSWER, "user_blast_radius": [ANSWER...]}}, an ANSWER
 * being {@code {"status": 200, "body": {...} or "text"}}, or {@code {"drop": true}} to close the
 * connection unanswered. Blast-radius answers are tried in order: the first whose {@code "when"}
 * text occurs in the request body (or that has none) answers. An endpoint not listed answers 404.
 */
final class LoopbackPostHog implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOT_FOUND =
      "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\",\"attr\":null}";

  private final LiveState state;
  private final JsonNode answers;
  private final HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  static {
    // Headers and body go out as two writes; without this, Nagle's algorithm holds each answer
    // back for the client's delayed acknowledgement.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private LoopbackPostHog(LiveState state, JsonNode answers) throws IOException {
    this.state = state;
    this.answers = answers;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static LoopbackPostHog start(Path snapshot, Path answers) throws IOException {
    return new LoopbackPostHog(Snapshots.read(snapshot), JSON.readTree(answers.toFile()));
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request but the GETs that read live state: {@code METHOD PATH BODY}, in order. */
  List<String> writesAndAdvice() {
    synchronized (requests) {
      return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        method
            + " "
            + path
            + (query == null ? "" : "?" + query)
            + (body.isBlank() ? "" : " " + JSON.readTree(body)));
    JsonNode answer = answer(method, path, query, body);
    if (answer.path("drop").asBoolean(false)) {
      exchange.close();
      return;
    }
    JsonNode content = answer.path("body");
    byte[] bytes =
        (content.isTextual() ? content.asText() : content.toString())
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.path("status").asInt(200), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private JsonNode answer(String method, String path, String query, String body) {
    String[] parts = path.replaceAll("^/|/$", "").split("/");
    if (method.equals("POST") && path.endsWith("/query/")) {
      return answers.path("query").isMissingNode() ? notFound() : answers.get("query");
    }
    if (method.equals("POST") && path.endsWith("/feature_flags/user_blast_radius/")) {
      for (JsonNode candidate : answers.path("user_blast_radius")) {
        if (!candidate.has("when") || body.contains(candidate.get("when").asText())) {
          return candidate;
        }
      }
      return notFound();
    }
    if (!method.equals("GET")) {
      return notFound();
    }
    if (path.equals("/api/organizations/@current/")) {
      ObjectNode org = JSON.createObjectNode();
      ArrayNode features = org.putArray("available_product_features");
      state.organizationFeatures().forEach(f -> features.addObject().put("key", f));
      return ok(org);
    }
    if (parts.length == 3 && parts[1].equals("projects")) {
      return ok(
          JSON.createObjectNode().put("id", state.projectId()).put("name", state.projectName()));
    }
    Optional<Kind> kind =
        parts.length >= 4
            ? Kinds.all().stream().filter(k -> k.resource().equals(parts[3])).findFirst()
            : Optional.empty();
    if (kind.isEmpty()) {
      return notFound();
    }
    List<LiveObject> objects = state.of(kind.get());
    if (parts.length == 5) {
      return objects.stream()
          .filter(o -> o.id().toString().equals(parts[4]))
          .findFirst()
          .map(o -> ok(o.raw()))
          .orElse(notFound());
    }
    boolean archivedOnly = query != null && query.contains("archived=true");
    ObjectNode page = JSON.createObjectNode();
    ArrayNode results = JSON.createArrayNode();
    objects.stream()
        .filter(o -> !archivedOnly || o.raw().path("archived").asBoolean(false))
        .forEach(o -> results.add(o.raw()));
    page.put("count", results.size()).putNull("next").putNull("previous").set("results", results);
    return ok(page);
  }

  private static JsonNode ok(JsonNode body) {
    ObjectNode answer = JSON.createObjectNode().put("status", 200);
    answer.set("body", body);
    return answer;
  }

  private static JsonNode notFound() {
    ObjectNode answer = JSON.createObjectNode().put("status", 404);
    answer.put("body", NOT_FOUND);
    return answer;
  }
}
