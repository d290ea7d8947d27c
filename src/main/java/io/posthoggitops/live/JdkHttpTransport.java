package io.posthoggitops.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@link HttpTransport} on the JDK's own HTTP client, for one API base URL per run. It starts no
 * event loop of its own, so a command costs only the connections it opens; redirects are never
 * followed, so the key goes only to the configured host. HTTP/2 where the server offers it (ALPN),
 * which lets concurrent page reads share one connection.
 */
public final class JdkHttpTransport implements HttpTransport {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final String baseUrl;
  private final Duration readTimeout;

  /**
   * @param apiUrl the prefix before {@code /api/...}, e.g. {@code https://api.maton.ai/posthog}
   */
  public JdkHttpTransport(String apiUrl) {
    this(apiUrl, READ_TIMEOUT);
  }

  /**
   * @param readTimeout how long to wait for an answer before giving up on it
   */
  public JdkHttpTransport(String apiUrl, Duration readTimeout) {
    this.readTimeout = readTimeout;
    this.baseUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
  }

  @Override
  public HttpReply send(
      String method, String pathAndQuery, Map<String, String> headers, String body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(readTimeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new HttpReply(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
