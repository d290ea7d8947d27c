package io.posthoggitops.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.config.ConnectionSettings;
import io.posthoggitops.kind.JsonNodes;

/** Sends a request through the {@link RequestRunner} and parses the answer as a JSON object. */
final class JsonReplies {

  static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodes.FACTORY);

  private final RequestRunner runner;
  private final ApiErrors errors;

  JsonReplies(RequestRunner runner, ApiErrors errors) {
    this.runner = runner;
    this.errors = errors;
  }

  /** Replies for one connection: its headers, errors naming its host, its own rate limit. */
  static JsonReplies over(
      ConnectionSettings settings, HttpTransport transport, ClientOptions options) {
    ApiErrors errors = new ApiErrors(PostHogClient.isMaton(settings.apiUrl()), settings.apiKey());
    RateLimiter limiter = new RateLimiter(settings.rateLimitPerMinute(), options.time());
    RequestRunner runner =
        new RequestRunner(
            transport,
            PostHogClient.headers(settings),
            options,
            limiter,
            errors,
            PostHogClient.host(settings.apiUrl()));
    return new JsonReplies(runner, errors);
  }

  ObjectNode get(String path) {
    return send("GET", path, null);
  }

  ObjectNode send(String method, String path, ObjectNode body) {
    String text = body == null ? null : body.toString();
    return parse(method, path, runner.run(method, path, text));
  }

  /** Sent once, never retried ({@link RequestRunner#once}). */
  ObjectNode sendOnce(String method, String path, ObjectNode body) {
    return parse(method, path, runner.once(method, path, body == null ? null : body.toString()));
  }

  private ObjectNode parse(String method, String path, HttpTransport.HttpReply reply) {
    if (!"GET".equals(method) && (reply.body() == null || reply.body().isBlank())) {
      // A write that succeeded must not be reported as failed for want of a body.
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(reply.body() == null ? "" : reply.body());
      if (node == null || !node.isObject()) {
        throw errors.unusable(method, path, reply.status(), "the body is not a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw errors.unusable(
          method,
          path,
          reply.status(),
          "the body is not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  ApiException malformed(String method, String path, String problem) {
    return errors.unusable(method, path, 200, problem);
  }
}
