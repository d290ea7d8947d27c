package io.posthoggitops.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.config.ConnectionSettings;
import io.posthoggitops.kind.IdFormat;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.Listing;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link PostHogApi} over any {@link HttpTransport}, scoped to one project. */
public final class PostHogClient implements PostHogApi {

  private final JsonReplies replies;
  private final Pager pager;
  private final ExecutorService pool;
  private final ExecutorService listers;
  private final ClientOptions options;
  private final String project;
  private volatile ProjectInfo resolved;

  public PostHogClient(
      ConnectionSettings settings, HttpTransport transport, ClientOptions options) {
    this.replies = JsonReplies.over(settings, transport, options);
    this.pool = Executors.newFixedThreadPool(options.concurrency(), daemonThreads());
    this.listers = Executors.newCachedThreadPool(daemonThreads());
    this.pager = new Pager(replies, pool);
    this.options = options;
    this.project = settings.project();
  }

  @Override
  public ProjectInfo project() {
    if (resolved == null) {
      String path =
          "/api/projects/"
              + URLEncoder.encode(project, StandardCharsets.UTF_8).replace("%40", "@")
              + "/";
      ObjectNode body = replies.get(path);
      if (!body.path("id").canConvertToLong()) {
        throw replies.malformed("GET", path, "the project has no numeric 'id'");
      }
      resolved = new ProjectInfo(body.get("id").asLong(), body.path("name").asText(""));
    }
    return resolved;
  }

  @Override
  public Set<String> organizationFeatures() {
    ObjectNode org;
    try {
      org = replies.get("/api/organizations/@current/");
    } catch (ApiException e) {
      if (e.status() != 403 && e.status() != 404) {
        throw e;
      }
      options
          .warnings()
          .accept(
              "could not read the organisation's features ("
                  + e.status()
                  + "); assuming none, so tags and evaluation contexts are treated as not stored.");
      return Set.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode feature : org.path("available_product_features")) {
      if (feature.hasNonNull("key")) {
        keys.add(feature.get("key").asText());
      }
    }
    return keys;
  }

  /**
   * Reads a kind as its {@link Listing} says; a 404 on the list of an optional kind means this
   * PostHog does not serve it ({@link UnavailableKindException}).
   */
  @Override
  public List<ObjectNode> list(Kind kind) {
    String base = projectPath() + kind.resource() + "/";
    Listing listing = kind.listing();
    try {
      List<ObjectNode> items =
          listing.withArchived()
              ? withArchived(base, kind.idFormat())
              : pages(listing, base, kind.idFormat());
      return listing.detailField() == null ? items : completed(items, listing.detailField(), base);
    } catch (ApiException e) {
      if (listing.optional() && e.status() == 404) {
        throw new UnavailableKindException(kind, e);
      }
      throw e;
    }
  }

  /**
   * The kinds are listed at once, each on a thread of its own that hands its pages and per-object
   * GETs to the request pool; the transport keeps at most {@link ClientOptions#concurrency()}
   * requests in flight in all. The first failure, in the order of {@code kinds}, is thrown.
   */
  @Override
  public Map<Kind, Optional<List<ObjectNode>>> listAll(List<Kind> kinds) {
    project();
    List<Optional<List<ObjectNode>>> listed = Concurrently.map(listers, kinds, this::listIfServed);
    Map<Kind, Optional<List<ObjectNode>>> all = new LinkedHashMap<>();
    for (int i = 0; i < kinds.size(); i++) {
      all.put(kinds.get(i), listed.get(i));
    }
    return all;
  }

  /**
   * One list of {@code change_requests/} in the open states; a 403 (the key lacks {@code
   * approvals:read}) warns, since plan then cannot tell which changes await approval.
   */
  @Override
  public List<ObjectNode> openChangeRequests() {
    try {
      return pager.standard(
          projectPath() + "change_requests/?state=pending,approved&", IdFormat.UUID);
    } catch (ApiException e) {
      if (e.status() == 402 || e.status() == 404) {
        return List.of();
      }
      if (e.status() != 403) {
        throw e;
      }
      options
          .warnings()
          .accept(
              "could not read the project's change requests (403); plan cannot show what awaits"
                  + " approval, and apply would write over a pending request. Give the key the"
                  + " approvals:read scope.");
      return List.of();
    }
  }

  private List<ObjectNode> pages(Listing listing, String base, IdFormat ids) {
    return listing.paged() ? pager.standard(base + "?", ids) : pager.unpaged(base, ids);
  }

  @Override
  public ObjectNode get(String path) {
    return replies.get(projectPath() + path);
  }

  @Override
  public ObjectNode write(String method, String path, ObjectNode body) {
    String verb = method.toUpperCase(Locale.ROOT);
    if (!verb.equals("POST") && !verb.equals("PATCH")) {
      throw new IllegalArgumentException("only POST and PATCH are sent, not " + method);
    }
    return replies.send(verb, projectPath() + path, body);
  }

  /** PostHog hides archived objects by default; list them too and merge by id. */
  private List<ObjectNode> withArchived(String base, IdFormat ids) {
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    for (ObjectNode item : pager.standard(base + "?", ids)) {
      byId.put(item.get("id").asText(), item);
    }
    for (ObjectNode item : pager.standard(base + "?archived=true&", ids)) {
      byId.putIfAbsent(item.get("id").asText(), item);
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * List items lacking {@code field} (PostHog's lighter list shape) are replaced by one GET each.
   */
  private List<ObjectNode> completed(List<ObjectNode> items, String field, String base) {
    return Concurrently.map(
        pool,
        items,
        item -> item.has(field) ? item : replies.get(base + item.get("id").asText() + "/"));
  }

  private String projectPath() {
    return "/api/projects/" + project().id() + "/";
  }

  static Map<String, String> headers(ConnectionSettings settings) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + settings.apiKey());
    if (settings.connection() != null && !settings.connection().isBlank()) {
      headers.put("Maton-Connection", settings.connection());
    }
    headers.put("Accept", "application/json");
    headers.put("Content-Type", "application/json");
    return headers;
  }

  /** Whether the API URL is Maton's gateway (which hides the PostHog host behind it). */
  public static boolean isMaton(String apiUrl) {
    String host = host(apiUrl).toLowerCase(Locale.ROOT);
    return host.equals("maton.ai") || host.endsWith(".maton.ai");
  }

  static String host(String apiUrl) {
    String host = URI.create(apiUrl).getHost();
    return host == null ? apiUrl : host;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "posthog-api");
      thread.setDaemon(true);
      return thread;
    };
  }
}
