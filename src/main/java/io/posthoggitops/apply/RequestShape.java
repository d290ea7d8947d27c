package io.posthoggitops.apply;

import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.model.UserError;
import java.util.regex.Pattern;

/**
 * The only writes apply sends: POST or PATCH to a path under the project. A saved plan is a file
 * anyone could edit, so this is checked before sending, not assumed: never an HTTP DELETE, never a
 * path that leaves {@code /api/projects/{id}/}.
 */
final class RequestShape {
  private static final Pattern PATH =
      Pattern.compile(
          "[a-z_]+/(?:(?:\\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\{id\\})/(?:[a-z_]+/)?)?");

  private RequestShape() {}

  static void check(ApiRequest request) {
    if (!"POST".equals(request.method()) && !"PATCH".equals(request.method())) {
      throw new UserError(
          "the plan holds a "
              + request.method()
              + " request; apply sends only POST and PATCH (deletes are PATCH {\"deleted\": true}); nothing was written.");
    }
    if (!PATH.matcher(request.path()).matches()) {
      throw new UserError(
          "the plan holds a request to \""
              + request.path()
              + "\", which is not a resource path of the project; nothing was written. Make the plan again with plan --out.");
    }
  }
}
