package io.posthoggitops.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.IdFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Reads every page of a list endpoint by {@code limit}/{@code offset} on the configured API URL.
 * PostHog's {@code next} links name PostHog's own host, not the proxy, so they are never followed.
 * Once the first page gives {@code count}, the other pages are fetched concurrently. A page whose
 * size disagrees with {@code count}, or an id seen twice, is an error: a short list would plan
 * creates and deletes.
 */
final class Pager {

  static final int PAGE_SIZE = 100;

  /** More objects of one kind than any PostHog project holds: 2,000 pages. */
  static final long MAX_COUNT = 200_000;

  private final JsonReplies replies;
  private final ExecutorService pool;

  Pager(JsonReplies replies, ExecutorService pool) {
    this.replies = replies;
    this.pool = pool;
  }

  /**
   * @param listPath e.g. {@code /api/projects/7/feature_flags/?archived=true&} (ends in ? or &)
   */
  List<ObjectNode> standard(String listPath, IdFormat ids) {
    String firstPath = pagePath(listPath, 0);
    ObjectNode first = replies.get(firstPath);
    long count = count(first, firstPath);
    List<ObjectNode> items = new ArrayList<>(itemsOf(first, firstPath, null, ids));
    // A server that ignores limit and answers everything at once is complete as it is.
    long expected = items.size() == count ? count : Math.min(PAGE_SIZE, count);
    requireSize(items.size(), expected, firstPath);
    List<Long> offsets = new ArrayList<>();
    for (long offset = expected; offset < count; offset += PAGE_SIZE) {
      offsets.add(offset);
    }
    for (List<ObjectNode> page :
        Concurrently.map(pool, offsets, offset -> page(listPath, offset, count, ids))) {
      items.addAll(page);
    }
    requireUniqueIds(items, firstPath);
    return items;
  }

  /**
   * Actions answer everything at once: {@code {"count", "results"}} [newer] or {@code {"results"}}
   * [older], without {@code next}.
   */
  List<ObjectNode> unpaged(String listPath, IdFormat ids) {
    ObjectNode body = replies.get(listPath);
    Long count = body.has("count") ? count(body, listPath) : null;
    List<ObjectNode> items = itemsOf(body, listPath, count, ids);
    requireUniqueIds(items, listPath);
    return items;
  }

  private List<ObjectNode> page(String listPath, long offset, long count, IdFormat ids) {
    String path = pagePath(listPath, offset);
    return itemsOf(replies.get(path), path, Math.min(PAGE_SIZE, count - offset), ids);
  }

  private static String pagePath(String listPath, long offset) {
    return listPath + "limit=" + PAGE_SIZE + "&offset=" + offset;
  }

  private long count(ObjectNode body, String path) {
    JsonNode count = body.get("count");
    if (count == null || !count.canConvertToLong() || count.asLong() < 0) {
      throw replies.malformed("GET", path, "the list has no numeric 'count'");
    }
    if (count.asLong() > MAX_COUNT) {
      throw replies.malformed(
          "GET",
          path,
          String.format(
              Locale.ROOT,
              "'count' is %d, more than the %,d objects of one kind it may list",
              count.asLong(),
              MAX_COUNT));
    }
    return count.asLong();
  }

  private List<ObjectNode> itemsOf(ObjectNode body, String path, Long expected, IdFormat ids) {
    JsonNode results = body.get("results");
    if (results == null || !results.isArray()) {
      throw replies.malformed("GET", path, "the answer has no 'results' list");
    }
    if (expected != null) {
      requireSize(results.size(), expected, path);
    }
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode item : results) {
      if (!item.isObject() || ids.parse(item.get("id")).isEmpty()) {
        throw replies.malformed(
            "GET",
            path,
            "a list item's 'id' is "
                + (item.isObject() ? String.valueOf(item.get("id")) : "missing")
                + named(item)
                + ", not "
                + ids.description());
      }
      items.add((ObjectNode) item);
    }
    return items;
  }

  /** {@code (the one named "checkout")}: the item's key or name, so the message names it. */
  private static String named(JsonNode item) {
    for (String field : List.of("key", "feature_flag_key", "name")) {
      if (item.path(field).isTextual() && !item.get(field).asText().isBlank()) {
        return " (the one named \"" + item.get(field).asText() + "\")";
      }
    }
    return "";
  }

  private void requireSize(long size, long expected, String path) {
    if (size != expected) {
      throw replies.malformed(
          "GET",
          path,
          "the page holds "
              + size
              + " items where 'count' implies "
              + expected
              + " (the list changed while it was read, or the answer is incomplete)");
    }
  }

  private void requireUniqueIds(List<ObjectNode> items, String path) {
    Set<String> seen = new HashSet<>();
    for (ObjectNode item : items) {
      String id = item.get("id").asText();
      if (!seen.add(id)) {
        throw replies.malformed(
            "GET",
            path,
            "id " + id + " appears twice in the listing (the list changed while it was read)");
      }
    }
  }
}
