package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.IdFormat;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.ApiException;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.live.UnclearWriteException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An in-memory PostHog that keeps what it is sent: creates get ids, PATCHes merge, experiments get
 * dates from launch/end, insights POSTed with {@code dashboards} become tiles, flags get a {@code
 * version} that every save moves. Faults are injected per write number; approval policies hold
 * gated flag writes as change requests ({@link FakeApprovals}).
 */
class FakePostHog implements PostHogApi {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final Map<String, List<ObjectNode>> store = new LinkedHashMap<>();
  final List<String> writes = new ArrayList<>();
  final List<String> reads = new ArrayList<>();
  final Map<Integer, RuntimeException> failBefore = new LinkedHashMap<>();
  final Map<Integer, RuntimeException> failAfter = new LinkedHashMap<>();
  final Map<Integer, UnaryOperator<ObjectNode>> rewriteAnswer = new LinkedHashMap<>();

  /** Fields accepted and dropped, as PostHog does with tags without the tagging feature. */
  Set<String> droppedFields = Set.of();

  /** The organisation's {@code available_product_features}. */
  final Set<String> features = new LinkedHashSet<>(Set.of("tagging"));

  /** Approval policies and the change requests they hold. */
  final FakeApprovals approvals = new FakeApprovals(this);

  private long nextId = 5001;

  /** The n-th write (1-based) fails with a validation error before doing anything. */
  FakePostHog rejectWrite(int n, String detail, String attr) {
    failBefore.put(
        n, new ApiException(400, detail, attr, "PostHog refused the write (HTTP 400): " + detail));
    return this;
  }

  /** The n-th write takes effect, then its answer is lost (a 502 after commit). */
  FakePostHog loseAnswerOfWrite(int n) {
    failAfter.put(n, new UnclearWriteException(502, "HTTP 502 from PostHog"));
    return this;
  }

  /** The n-th write takes effect and is answered with what {@code rewrite} makes of its answer. */
  FakePostHog answerWrite(int n, UnaryOperator<ObjectNode> rewrite) {
    rewriteAnswer.put(n, rewrite);
    return this;
  }

  /** The n-th write is answered 502 and has no effect. */
  FakePostHog failUnclearly(int n) {
    failBefore.put(n, new UnclearWriteException(502, "HTTP 502 from PostHog"));
    return this;
  }

  ObjectNode add(String resource, ObjectNode object) {
    if (!object.has("id")) {
      object.set("id", newId(resource));
    }
    store.computeIfAbsent(resource, r -> new ArrayList<>()).add(object);
    return object;
  }

  /** The next id, in the format of the kind at {@code resource} (numbers, or UUIDs). */
  private com.fasterxml.jackson.databind.JsonNode newId(String resource) {
    long n = nextId++;
    boolean uuid =
        Kinds.all().stream()
            .anyMatch(k -> k.resource().equals(resource) && k.idFormat() == IdFormat.UUID);
    return uuid
        ? JSON.textNode(new UUID(0x01910000_0000_7000L, 0x8000_0000_0000_0000L | n).toString())
        : JSON.numberNode(n);
  }

  List<ObjectNode> all(String resource) {
    return store.getOrDefault(resource, List.of());
  }

  @Override
  public ProjectInfo project() {
    return new ProjectInfo(4242, "Acme Web");
  }

  @Override
  public Set<String> organizationFeatures() {
    return Set.copyOf(features);
  }

  @Override
  public List<ObjectNode> openChangeRequests() {
    reads.add("list change_requests");
    return approvals.open();
  }

  @Override
  public List<ObjectNode> list(Kind kind) {
    reads.add("list " + kind.resource());
    return all(kind.resource()).stream()
        .filter(o -> !o.path("deleted").asBoolean(false))
        .map(ObjectNode::deepCopy)
        .toList();
  }

  @Override
  public ObjectNode get(String path) {
    reads.add("get " + path);
    if (path.contains("/?search=")) {
      return search(path);
    }
    String[] parts = path.split("/");
    return find(parts[0], parts[1]).deepCopy();
  }

  @Override
  public ObjectNode write(String method, String path, ObjectNode body) {
    writes.add(method + " " + path + " " + body);
    int n = writes.size();
    if (failBefore.containsKey(n)) {
      throw failBefore.get(n);
    }
    if (path.startsWith("change_requests/")) {
      return approvals.cancel(path);
    }
    approvals.gate(method, path, body);
    ObjectNode answer = save(method, path, body);
    if (failAfter.containsKey(n)) {
      throw failAfter.get(n);
    }
    return rewriteAnswer.getOrDefault(n, UnaryOperator.identity()).apply(answer.deepCopy());
  }

  /** Saves a write as PostHog does once it passed any gate (also how a change request applies). */
  ObjectNode save(String method, String path, ObjectNode body) {
    ObjectNode saved = "POST".equals(method) ? post(path, body) : patch(path, body);
    if (path.startsWith("feature_flags/")) {
      saved.put("version", saved.path("version").asLong(0) + 1);
    }
    return saved;
  }

  /** The stored object at {@code resource/id}, or null. */
  ObjectNode stored(String resource, String id) {
    return all(resource).stream()
        .filter(o -> o.path("id").asText().equals(id))
        .findFirst()
        .orElse(null);
  }

  /**
   * {@code cohorts/?search=NAME&limit=100}: live objects whose identity contains NAME, any case.
   */
  private ObjectNode search(String path) {
    String resource = path.substring(0, path.indexOf('/'));
    String query = path.substring(path.indexOf("?search=") + "?search=".length());
    String term =
        java.net.URLDecoder.decode(
                query.contains("&") ? query.substring(0, query.indexOf('&')) : query,
                java.nio.charset.StandardCharsets.UTF_8)
            .toLowerCase(java.util.Locale.ROOT);
    Kind kind =
        Kinds.all().stream().filter(k -> k.resource().equals(resource)).findFirst().orElseThrow();
    ObjectNode page = JSON.objectNode();
    ArrayNode results = page.putArray("results");
    all(resource).stream()
        .filter(o -> !o.path("deleted").asBoolean(false))
        .filter(o -> kind.identityOf(o).toLowerCase(java.util.Locale.ROOT).contains(term))
        .forEach(o -> results.add(o.deepCopy()));
    page.put("count", results.size());
    return page;
  }

  long count(Predicate<String> writeMatches) {
    return writes.stream().filter(writeMatches).count();
  }

  private ObjectNode post(String path, ObjectNode body) {
    String[] parts = path.split("/");
    if (parts.length == 1) {
      ObjectNode object = body.deepCopy();
      droppedFields.forEach(object::putArray);
      add(parts[0], object);
      if ("insights".equals(parts[0])) {
        placeOnDashboards(object);
      }
      return object;
    }
    ObjectNode experiment = find(parts[0], parts[1]);
    experiment.put("launch".equals(parts[2]) ? "start_date" : "end_date", "2026-11-28T10:00:00Z");
    return experiment;
  }

  private void placeOnDashboards(ObjectNode insight) {
    ArrayNode tiles = insight.putArray("dashboard_tiles");
    for (var dashboardId : insight.path("dashboards")) {
      ObjectNode dashboard = find("dashboards", dashboardId.asText());
      ObjectNode tile = JSON.objectNode().put("id", nextId++);
      tile.set("insight", insight);
      tile.putObject("layouts");
      dashboard.withArray("tiles").add(tile);
      tiles
          .addObject()
          .put("id", tile.get("id").asLong())
          .put("dashboard_id", dashboardId.asLong());
    }
  }

  private ObjectNode patch(String path, ObjectNode body) {
    String[] parts = path.split("/");
    ObjectNode object = find(parts[0], parts[1]);
    body.properties()
        .forEach(
            field -> {
              if ("tiles".equals(field.getKey())) {
                patchTiles(object, field.getValue());
              } else if (!droppedFields.contains(field.getKey())) {
                object.set(field.getKey(), field.getValue().deepCopy());
              }
            });
    return object;
  }

  private void patchTiles(ObjectNode dashboard, com.fasterxml.jackson.databind.JsonNode entries) {
    ArrayNode tiles = dashboard.withArray("tiles");
    for (var entry : entries) {
      ObjectNode tile = null;
      for (var t : tiles) {
        if (entry.has("id") && t.path("id").asLong() == entry.path("id").asLong()) {
          tile = (ObjectNode) t;
        }
      }
      if (tile == null && entry.has("text")) {
        tile = tiles.addObject().put("id", nextId++);
        tile.set("text", entry.get("text").deepCopy());
      } else if (tile != null && entry.path("text").has("body")) {
        // PostHog updates an existing tile's text in place, keyed by the text's id.
        tile.withObject("text").put("body", entry.path("text").path("body").asText());
      }
      if (tile != null) {
        ObjectNode target = tile;
        entry
            .properties()
            .forEach(
                f -> {
                  if (!f.getKey().equals("id") && !f.getKey().equals("text")) {
                    target.set(f.getKey(), f.getValue().deepCopy());
                  }
                });
      }
    }
  }

  private ObjectNode find(String resource, String id) {
    return all(resource).stream()
        .filter(o -> o.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new ApiException(
                    404, "Not found.", null, "HTTP 404 for " + resource + "/" + id + "/"));
  }
}
