package io.posthoggitops.live;

import java.util.function.Consumer;

/**
 * How the client behaves around requests, kept apart from where it connects.
 *
 * @param retry attempts and backoff
 * @param time the clock and sleeper behind backoff and the rate limiter
 * @param requestLog receives one line per HTTP request ({@code --verbose}), never a header
 * @param warnings receives warnings meant for stderr
 * @param concurrency how many pages or objects are fetched at once
 */
public record ClientOptions(
    RetryPolicy retry,
    TimeSource time,
    Consumer<String> requestLog,
    Consumer<String> warnings,
    int concurrency) {

  /** As many requests in flight as Terraform's default parallelism (docs/performance.md). */
  public static final int DEFAULT_CONCURRENCY = 10;

  public static ClientOptions standard(boolean verbose) {
    return standard(verbose, JdkHttpTransport.DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout the deadline of one request, from which the retry budget follows
   */
  public static ClientOptions standard(boolean verbose, java.time.Duration timeout) {
    Consumer<String> toStderr = line -> System.err.println(line);
    return new ClientOptions(
        RetryPolicy.standard(timeout),
        TimeSource.SYSTEM,
        verbose ? toStderr : line -> {},
        line -> System.err.println("warning: " + line),
        DEFAULT_CONCURRENCY);
  }
}
