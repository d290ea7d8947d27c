package io.posthoggitops.live;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to try a request again and how long to wait first: the server's {@code Retry-After} if sent,
 * else PostHog's {@code Expected available in N seconds} detail (PostHog sends no header), else
 * exponential backoff with jitter.
 */
public final class RetryPolicy {

  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  private static final Pattern EXPECTED_AVAILABLE =
      Pattern.compile("Expected available in (\\d+) seconds?");
  private static final long BASE_DELAY_MILLIS = 500;
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  /** A server asking for longer than this is capped: a CI job should fail, not hang. */
  private static final long MAX_SERVER_DELAY_MILLIS = 300_000;

  /** How many request deadlines one request may take in all, its attempts and waits together. */
  private static final int DEADLINES_PER_REQUEST = 4;

  private final int maxAttempts;
  private final Random random;
  private final long budgetMillis;

  public RetryPolicy(int maxAttempts, Random random) {
    this(maxAttempts, random, Long.MAX_VALUE);
  }

  /**
   * @param budgetMillis how long one request may take from its first attempt to its last answer; no
   *     attempt or wait is begun that could end past it
   */
  public RetryPolicy(int maxAttempts, Random random, long budgetMillis) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.random = random;
    this.budgetMillis = budgetMillis;
  }

  public static RetryPolicy standard() {
    return standard(JdkHttpTransport.DEFAULT_TIMEOUT);
  }

  /** Five attempts, within four request deadlines in all (two minutes by default). */
  public static RetryPolicy standard(java.time.Duration timeout) {
    return new RetryPolicy(
        DEFAULT_MAX_ATTEMPTS, new Random(), timeout.toMillis() * DEADLINES_PER_REQUEST);
  }

  /**
   * Whether waiting {@code delayMillis} and trying once more, which may take {@code attemptMillis},
   * still ends within the budget of a request that has run {@code elapsedMillis} so far.
   */
  public boolean hasTimeFor(long elapsedMillis, long delayMillis, long attemptMillis) {
    return elapsedMillis + delayMillis + attemptMillis <= budgetMillis;
  }

  /** The budget of one request in all, in milliseconds. */
  public long budgetMillis() {
    return budgetMillis;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Statuses worth another try for an idempotent request (GET, PATCH). */
  public static boolean isTransient(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /**
   * @param attempt the attempt that just failed, 1-based
   * @param reply the answer, or null when none came
   */
  public long delayMillis(int attempt, HttpTransport.HttpReply reply) {
    Long asked = reply == null ? null : serverDelayMillis(reply);
    if (asked != null) {
      return Math.min(asked, MAX_SERVER_DELAY_MILLIS);
    }
    long ceiling = Math.min(MAX_BACKOFF_MILLIS, BASE_DELAY_MILLIS << Math.min(attempt - 1, 16));
    return ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2));
  }

  private static Long serverDelayMillis(HttpTransport.HttpReply reply) {
    if (reply.retryAfter() != null) {
      try {
        return Math.max(0, Long.parseLong(reply.retryAfter().trim())) * 1000;
      } catch (NumberFormatException httpDate) {
        // An HTTP-date Retry-After is rare here; fall through to the body and then to backoff.
      }
    }
    Matcher m = EXPECTED_AVAILABLE.matcher(reply.body() == null ? "" : reply.body());
    return m.find() ? Long.parseLong(m.group(1)) * 1000 : null;
  }
}
