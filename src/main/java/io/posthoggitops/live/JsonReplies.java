package io.posthoggitops.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Sends a request through the {@link RequestRunner} and parses the answer as a JSON object. */
final class JsonReplies {

  static final ObjectMapper JSON = new ObjectMapper();

  private final RequestRunner runner;
  private final ApiErrors errors;

  JsonReplies(RequestRunner runner, ApiErrors errors) {
    this.runner = runner;
    this.errors = errors;
  }

  ObjectNode get(String path) {
    return send("GET", path, null);
  }

  ObjectNode send(String method, String path, ObjectNode body) {
    String text = body == null ? null : body.toString();
    HttpTransport.HttpReply reply = runner.run(method, path, text);
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
