package io.posthoggitops.live;

import io.posthoggitops.live.HttpTransport.HttpReply;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs one logical request to completion: waits for the rate limiter, retries what is safe to
 * retry, logs each attempt when asked to, and turns a final failure into an {@link ApiException}. A
 * POST is retried only on 429 (refused before any work was done); after a 502/503/504 or no answer
 * it throws {@link UnclearWriteException}, because the object may exist now.
 */
final class RequestRunner {

  private final HttpTransport transport;
  private final Map<String, String> headers;
  private final ClientOptions options;
  private final RateLimiter limiter;
  private final ApiErrors errors;
  private final String host;
  private final Semaphore inFlight;

  RequestRunner(
      HttpTransport transport,
      Map<String, String> headers,
      ClientOptions options,
      RateLimiter limiter,
      ApiErrors errors,
      String host) {
    this.transport = transport;
    this.headers = Map.copyOf(headers);
    this.options = options;
    this.limiter = limiter;
    this.errors = errors;
    this.host = host;
    this.inFlight = new Semaphore(options.concurrency());
  }

  /**
   * @return a 2xx reply; anything else ends in an exception
   */
  HttpReply run(String method, String path, String body) {
    if ("DELETE".equals(method)) {
      throw new IllegalArgumentException(
          "DELETE is never sent: PostHog deletes by PATCH {\"deleted\": true}");
    }
    boolean post = "POST".equals(method);
    long first = options.time().nowMillis();
    long longestAttempt = 0;
    for (int attempt = 1; ; attempt++) {
      long start = options.time().nowMillis();
      Outcome outcome = attempt(method, path, body, attempt);
      longestAttempt = Math.max(longestAttempt, options.time().nowMillis() - start);
      HttpReply reply = outcome.reply();
      if (reply != null && reply.isSuccess()) {
        return reply;
      }
      long delay = options.retry().delayMillis(attempt, reply);
      boolean lastAttempt =
          attempt >= options.retry().maxAttempts()
              || outcome.failure() instanceof JdkHttpTransport.AnswerTooLarge
              || !options
                  .retry()
                  .hasTimeFor(options.time().nowMillis() - first, delay, longestAttempt);
      if (post
          && (reply == null || reply.status() != 429 && RetryPolicy.isTransient(reply.status()))) {
        throw unclearWrite(path, reply);
      }
      if (reply == null && lastAttempt) {
        throw errors.unreachable(method, path, host, outcome.failure(), attempt);
      }
      if (reply != null && (lastAttempt || !RetryPolicy.isTransient(reply.status()))) {
        throw errors.fromReply(method, path, reply, attempt);
      }
      pause(delay);
    }
  }

  /**
   * One attempt, never retried, whatever the answer: for POSTs that only read and whose every
   * attempt costs a scarce budget (a HogQL query, docs/impact.md#requests-and-limits).
   *
   * @return a 2xx reply; anything else ends in an exception
   */
  HttpReply once(String method, String path, String body) {
    Outcome outcome = attempt(method, path, body, 1);
    if (outcome.reply() == null) {
      throw errors.unreachable(method, path, host, outcome.failure(), 1);
    }
    if (!outcome.reply().isSuccess()) {
      throw errors.fromReply(method, path, outcome.reply(), 1);
    }
    return outcome.reply();
  }

  /** What one send produced: a reply, or the failure when no answer came. */
  private record Outcome(HttpReply reply, IOException failure) {}

  private Outcome attempt(String method, String path, String body, int attempt) {
    pause(() -> limiter.acquire());
    long start = options.time().nowMillis();
    try {
      HttpReply reply = send(method, path, body);
      log(method, path, String.valueOf(reply.status()), start, attempt);
      return new Outcome(reply, null);
    } catch (IOException e) {
      log(method, path, "no answer (" + e.getClass().getSimpleName() + ")", start, attempt);
      return new Outcome(null, e);
    } finally {
      limiter.completed();
    }
  }

  /** One send, with at most {@link ClientOptions#concurrency()} in flight across all threads. */
  private HttpReply send(String method, String path, String body) throws IOException {
    inFlight.acquireUninterruptibly();
    try {
      return transport.send(method, path, headers, body);
    } finally {
      inFlight.release();
    }
  }

  private UnclearWriteException unclearWrite(String path, HttpReply reply) {
    String outcome = reply == null ? "got no answer" : "failed with " + reply.status();
    return new UnclearWriteException(
        reply == null ? 0 : reply.status(),
        "POST "
            + path
            + " "
            + outcome
            + ": the object may or may not have been created; it was not sent again, re-list by identity before retrying.");
  }

  private void log(String method, String path, String status, long start, int attempt) {
    Consumer<String> requestLog = options.requestLog();
    long millis = options.time().nowMillis() - start;
    requestLog.accept(
        method
            + " "
            + path
            + " "
            + status
            + " "
            + millis
            + " ms"
            + (attempt > 1 ? " (retry " + (attempt - 1) + ")" : ""));
  }

  private void pause(long millis) {
    pause(() -> options.time().sleep(millis));
  }

  private interface Wait {
    void run() throws InterruptedException;
  }

  private static void pause(Wait wait) {
    try {
      wait.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(
          0,
          null,
          null,
          "interrupted while waiting to send a request to the API; nothing more was sent.");
    }
  }
}
