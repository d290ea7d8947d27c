package io.posthoggitops.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiReader;
import io.posthoggitops.kind.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The PostHog API as this tool uses it, scoped to one project. Paths are relative to {@code
 * /api/projects/{project}/}. Implementations retry, rate-limit and turn failures into {@link
 * ApiException}s; they never follow PostHog's {@code next} links.
 */
public interface PostHogApi extends ApiReader {

  /** The numeric project id ({@code @current} resolved) and its name. */
  ProjectInfo project();

  /** Keys of the organisation's {@code available_product_features}, e.g. {@code tagging}. */
  Set<String> organizationFeatures();

  /**
   * Every live object of a kind, as its listing says (all pages, archived ones too, the retrieve
   * shape where the list shape lacks a field).
   *
   * @throws UnavailableKindException when an optional kind's list answers 404
   */
  @Override
  List<ObjectNode> list(Kind kind);

  /**
   * {@link #list} of each kind, in the order given; empty for an optional kind this PostHog does
   * not serve. This default lists one kind after another; a client may list them at once.
   */
  default Map<Kind, Optional<List<ObjectNode>>> listAll(List<Kind> kinds) {
    Map<Kind, Optional<List<ObjectNode>>> all = new LinkedHashMap<>();
    for (Kind kind : kinds) {
      all.put(kind, listIfServed(kind));
    }
    return all;
  }

  /** {@link #list}, or empty when an optional kind's list answers 404. */
  default Optional<List<ObjectNode>> listIfServed(Kind kind) {
    try {
      return Optional.of(list(kind));
    } catch (UnavailableKindException e) {
      return Optional.empty();
    }
  }

  /**
   * The project's open change requests ({@code pending} or {@code approved}), newest first, all
   * pages; empty where PostHog serves none: 402 (the organisation lacks approvals) or 404 (a
   * PostHog without them). See docs/approvals.md.
   */
  default List<ObjectNode> openChangeRequests() {
    return List.of();
  }

  /** GET one object, e.g. {@code experiments/77/}. */
  @Override
  ObjectNode get(String path);

  /**
   * A write: {@code POST} or {@code PATCH}. A POST is retried only on 429; after a POST answered
   * 502/503/504 or not at all, this throws {@link UnclearWriteException} and the caller must
   * re-list by identity before trying again.
   */
  ObjectNode write(String method, String path, ObjectNode body);

  record ProjectInfo(long id, String name) {}
}
