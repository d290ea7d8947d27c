package io.posthoggitops.live;

import java.util.PriorityQueue;

/**
 * Keeps requests under a budget per rolling window (PostHog's burst throttle is 480 per minute per
 * key). A burst under the budget passes at once; past it, a request waits until the oldest one in
 * the window has aged out, so a long apply never earns a 429.
 */
public final class RateLimiter {

  private static final long WINDOW_MILLIS = 60_000L;

  private final int perWindow;
  private final TimeSource time;
  private final PriorityQueue<Long> sent = new PriorityQueue<>();

  public RateLimiter(int perMinute, TimeSource time) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("rate limit must be at least 1 request per minute");
    }
    this.perWindow = perMinute;
    this.time = time;
  }

  /**
   * Waits, if needed, until one more request fits in the window; returns the milliseconds waited.
   */
  public long acquire() throws InterruptedException {
    long wait = reserve();
    time.sleep(wait);
    return wait;
  }

  /** Books a send time and returns how long until it; the wait happens outside the lock. */
  private synchronized long reserve() {
    long now = time.nowMillis();
    while (!sent.isEmpty() && sent.peek() <= now - WINDOW_MILLIS) {
      sent.poll();
    }
    if (sent.size() < perWindow) {
      sent.add(now);
      return 0;
    }
    long slot = sent.poll() + WINDOW_MILLIS;
    sent.add(slot);
    return slot - now;
  }
}
