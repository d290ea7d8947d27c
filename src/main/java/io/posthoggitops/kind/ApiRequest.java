package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One write the apply will send, relative to {@code /api/projects/{project}/}.
 *
 * <p>The path may hold {@code {id}}: the id of the resource this change creates, known only once
 * its first request (the POST) has answered. The body may hold reference placeholders (see {@link
 * PendingReference}) for objects created earlier in the same apply.
 *
 * @param method {@code POST} or {@code PATCH} (never DELETE)
 * @param path e.g. {@code feature_flags/}, {@code feature_flags/4821/}, {@code
 *     experiments/{id}/launch/}
 * @param body the JSON body
 */
public record ApiRequest(String method, String path, ObjectNode body) {

  public static ApiRequest post(String path, ObjectNode body) {
    return new ApiRequest("POST", path, body);
  }

  public static ApiRequest patch(String path, ObjectNode body) {
    return new ApiRequest("PATCH", path, body);
  }
}
