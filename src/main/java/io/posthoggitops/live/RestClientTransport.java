package io.posthoggitops.live;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

/** {@link HttpTransport} on the Quarkus REST client, built for one API base URL per run. */
public final class RestClientTransport implements HttpTransport {

  private final RawApiResource api;

  public RestClientTransport(String apiUrl) {
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(URI.create(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/"))
            .disableDefaultMapper(true)
            .followRedirects(false)
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .loggingScope(LoggingScope.NONE)
            .loggingMaskedHeaders(Set.of("Authorization"))
            .build(RawApiResource.class);
  }

  @Override
  public HttpReply send(
      String method, String pathAndQuery, Map<String, String> headers, String body)
      throws IOException {
    int q = pathAndQuery.indexOf('?');
    String path = (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q)).replaceFirst("^/", "");
    Map<String, String> query = q < 0 ? Map.of() : parseQuery(pathAndQuery.substring(q + 1));
    String auth = headers.get("Authorization");
    String connection = headers.get("Maton-Connection");
    try (Response response =
        switch (method) {
          case "GET" -> api.get(path, query, auth, connection);
          case "POST" -> api.post(path, query, auth, connection, body);
          case "PATCH" -> api.patch(path, query, auth, connection, body);
          default -> throw new IllegalArgumentException("unsupported method " + method);
        }) {
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      return new HttpReply(response.getStatus(), response.getHeaderString("Retry-After"), text);
    } catch (ProcessingException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw cause instanceof IOException io
          ? io
          : new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
