package io.posthoggitops.live;

import java.io.IOException;
import java.util.Map;

/**
 * Sends one HTTP request and returns whatever came back, without judging the status. Retries,
 * limits and error messages live above it, so they can be tested against any transport.
 */
public interface HttpTransport {

  /**
   * @param pathAndQuery the path after the API base URL, with its query string, e.g. {@code
   *     /api/projects/7/feature_flags/?limit=100&offset=0}
   * @param body the JSON body, or null
   * @throws IOException when no answer came (refused, reset, timed out, unknown host)
   */
  HttpReply send(String method, String pathAndQuery, Map<String, String> headers, String body)
      throws IOException;

  /**
   * What the server answered.
   *
   * @param retryAfter the {@code Retry-After} header, or null
   */
  record HttpReply(int status, String retryAfter, String body) {
    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }
}
