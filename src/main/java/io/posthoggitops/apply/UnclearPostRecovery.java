package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.plan.Change;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * After a POST whose outcome is unknown (502/503/504, no answer), finds out whether PostHog created
 * the object anyway, by reading rather than posting again: a create is looked up by identity in a
 * fresh list; the kind knows how to look for its other POSTs (an insight among its dashboard's
 * tiles, a launch by the experiment's start date).
 */
final class UnclearPostRecovery {
  private final PostHogApi api;

  UnclearPostRecovery(PostHogApi api) {
    this.api = api;
  }

  /**
   * @param request the POST as sent (placeholders resolved)
   * @param ownPath the change's own object path ({@code dashboards/3101/}), or null before it
   *     exists
   * @return what PostHog holds, if the POST took effect
   */
  Optional<ObjectNode> find(Change change, ApiRequest request, String ownPath) {
    if (request.path().equals(change.kind().resource() + "/")) {
      return byIdentity(change);
    }
    return ownPath == null
        ? Optional.empty()
        : change.kind().recoverUnclearPost(request, ownPath, api);
  }

  /**
   * The live object holding the change's identity, found with one list filtered by PostHog's {@code
   * search} (which matches names loosely; the identity is then compared exactly).
   */
  Optional<ObjectNode> byIdentitySearch(Change change) {
    String path =
        change.kind().resource()
            + "/?search="
            + URLEncoder.encode(change.identity(), StandardCharsets.UTF_8)
            + "&limit=100";
    for (JsonNode item : api.get(path).path("results")) {
      if (item instanceof ObjectNode o
          && change.identity().equals(change.kind().identityOf(o))
          && !o.path("deleted").asBoolean(false)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  private Optional<ObjectNode> byIdentity(Change change) {
    return api.list(change.kind()).stream()
        .filter(o -> change.identity().equals(change.kind().identityOf(o)))
        .filter(o -> !o.path("deleted").asBoolean(false))
        .findFirst();
  }
}
