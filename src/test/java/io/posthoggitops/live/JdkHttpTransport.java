package io.posthoggitops.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain JDK transport, so the client's logic is tested without booting Quarkus. */
final class JdkHttpTransport implements HttpTransport {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String baseUrl;

  JdkHttpTransport(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public HttpReply send(
      String method, String pathAndQuery, Map<String, String> headers, String body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
