package io.posthoggitops.live;

import java.util.PriorityQueue;

/**
 * Keeps requests under a budget per rolling window (PostHog's burst throttle is 480 per minute per
 * key). A burst under the budget passes at once; past it, a request waits until the oldest one in
 * the window has aged out, so a long apply never earns a 429.
 *
 * <p>A request holds its place in the window from the moment it is sent until a minute after its
 * answer came ({@link #completed()}). PostHog counts a request when it receives it, which is always
 * before its answer arrives here, so measured from the answer a request has certainly left
 * PostHog's window too; measured from the send, a request that reached PostHog late (the first one,
 * on a new connection) would still be in its window when this one's minute was over.
 */
public final class RateLimiter {

  private static final long WINDOW_MILLIS = 60_000L;

  /** How often to look again when every place is taken by a request still waiting for answers. */
  private static final long IN_FLIGHT_POLL_MILLIS = 50L;

  private final int perWindow;
  private final TimeSource time;
  private final PriorityQueue<Long> answered = new PriorityQueue<>();
  private int inFlight;

  public RateLimiter(int perMinute, TimeSource time) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("rate limit must be at least 1 request per minute");
    }
    this.perWindow = perMinute;
    this.time = time;
  }

  /**
   * Waits, if needed, until one more request fits in the window, and takes its place; returns the
   * milliseconds waited. Every acquire is followed by one {@link #completed()}.
   */
  public long acquire() throws InterruptedException {
    long waited = 0;
    for (long wait = reserve(); wait > 0; wait = reserve()) {
      time.sleep(wait);
      waited += wait;
    }
    return waited;
  }

  /** The request sent after the last {@link #acquire()} has its answer, or failed for good. */
  public synchronized void completed() {
    inFlight--;
    answered.add(time.nowMillis());
  }

  /** Takes a place and returns 0, or returns how long until one may free; no wait in the lock. */
  private synchronized long reserve() {
    long now = time.nowMillis();
    // Strictly more than a minute: the clock counts whole milliseconds.
    while (!answered.isEmpty() && answered.peek() < now - WINDOW_MILLIS) {
      answered.poll();
    }
    if (answered.size() + inFlight < perWindow) {
      inFlight++;
      return 0;
    }
    return answered.isEmpty() ? IN_FLIGHT_POLL_MILLIS : answered.peek() + WINDOW_MILLIS + 1 - now;
  }
}
