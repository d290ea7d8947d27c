package io.posthoggitops.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpTransport} on the JDK's own HTTP client, for one API base URL per run. It starts no
 * event loop of its own, so a command costs only the connections it opens; redirects are never
 * followed, so the key goes only to the configured host. HTTP/2 where the server offers it (ALPN),
 * which lets concurrent page reads share one connection.
 *
 * <p>Every request has one deadline for all of it, connecting, the answer's headers and its whole
 * body, so a server that answers a byte at a time cannot hold a command; and an answer larger than
 * {@link #MAX_BODY_BYTES} is cut off rather than held in memory (docs/connecting.md).
 */
public final class JdkHttpTransport implements HttpTransport {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The default deadline of one request (connect, headers and body). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The largest answer read: far above any page or object PostHog sends. */
  public static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

  private final HttpClient http;
  private final String baseUrl;
  private final Duration timeout;

  /**
   * @param apiUrl the prefix before {@code /api/...}, e.g. {@code https://api.maton.ai/posthog}
   */
  public JdkHttpTransport(String apiUrl) {
    this(apiUrl, DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout the deadline of each request, from sending it to the last byte of its answer
   */
  public JdkHttpTransport(String apiUrl, Duration timeout) {
    this.baseUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT)
            .build();
  }

  @Override
  public HttpReply send(
      String method, String pathAndQuery, Map<String, String> headers, String body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync(request.build(), info -> new CappedBody(MAX_BODY_BYTES));
    try {
      HttpResponse<String> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new HttpReply(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body());
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new HttpTimeoutException(
          "no complete answer within " + timeout.toSeconds() + " s (--timeout)");
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
  }

  /** An answer cut off at {@link #MAX_BODY_BYTES}: not worth another try. */
  public static final class AnswerTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    AnswerTooLarge(long limit) {
      super("the answer is larger than " + limit / 1024 / 1024 + " MiB, so it was not read");
    }
  }

  /** The body as UTF-8 text, refused once it grows past {@code limit} bytes. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<String> {
    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(long limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + (long) buffer.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new AnswerTooLarge(limit));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
