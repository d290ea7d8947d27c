package io.posthoggitops.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request to the GitHub REST API on the JDK's HTTP client, with the headers GitHub asks for.
 * Redirects are never followed and a {@code next} link is followed only on the API's own host, so
 * the token goes nowhere else.
 */
final class GitHubHttp {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  /**
   * @param next the absolute URL of the next page ({@code Link: <…>; rel="next"}), or null
   */
  record Reply(int status, String body, String next) {
    boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient http;
  private final String apiUrl;
  private final String token;

  GitHubHttp(String apiUrl, String token) {
    this.apiUrl = apiUrl;
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
  }

  /** The URL a path or a {@code next} link stands for; null when a link leaves the API's host. */
  String resolve(String pathOrUrl) {
    if (pathOrUrl.startsWith("/")) {
      return apiUrl + pathOrUrl;
    }
    return pathOrUrl.startsWith(apiUrl + "/") ? pathOrUrl : null;
  }

  /**
   * @param url an absolute URL from {@link #resolve}
   * @param json the request body, or null
   * @throws IOException when no answer came
   */
  Reply send(String method, String url, String json) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(READ_TIMEOUT)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "posthog-gitops")
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String next =
          response
              .headers()
              .firstValue("Link")
              .map(NEXT::matcher)
              .filter(Matcher::find)
              .map(m -> m.group(1))
              .orElse(null);
      return new Reply(response.statusCode(), response.body(), next);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
